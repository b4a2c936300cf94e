package dev.keel.stats;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Makes sure pg_stat_statements can be read, and says exactly what to change when it cannot.
 * Missing set-up is a configuration problem (exit 2): keel can fix the extension itself when the user
 * may, but loading the library takes a server setting and a restart only a person can do.
 *
 * @param view the schema-qualified pg_stat_statements view
 * @param infoView the schema-qualified pg_stat_statements_info view; null before extension version 1.9 (PostgreSQL 14)
 */
public record PgStatStatements(String view, String infoView) {
    private static final String LIBRARY = "pg_stat_statements";
    /** SQLSTATE object_not_in_prerequisite_state: the view is read while the library is not loaded. */
    private static final String NOT_LOADED = "55000";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /**
     * Creates the extension when it is missing and the user may; fails with the setting to change otherwise.
     * Call it in autocommit mode, outside a transaction: a refused probe must not abort the caller's work.
     */
    public static PgStatStatements ensureReady(Connection c) throws SQLException {
        String schema = extensionSchema(c);
        if (schema == null) {
            String preload = preloadSetting(c);
            if (preload != null && !preloads(preload)) {
                throw notLoaded(c, preload);
            }
            create(c);
            schema = extensionSchema(c);
        }
        String view = Identifiers.qualified(schema, LIBRARY);
        try (Statement s = c.createStatement()) {
            s.executeQuery("/* keel stats */ SELECT 1 FROM " + view + " LIMIT 1")
                    .close();
        } catch (SQLException e) {
            if (NOT_LOADED.equals(e.getSQLState())) {
                throw notLoaded(c, preloadSetting(c));
            }
            throw e;
        }
        String info = Identifiers.qualified(schema, "pg_stat_statements_info");
        return new PgStatStatements(view, exists(c, info) ? info : null);
    }

    static boolean preloads(String setting) {
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .map(PgStatStatements::unquote)
                .anyMatch(lib -> lib.equals(LIBRARY) || lib.endsWith("/" + LIBRARY));
    }

    /** The value to set, keeping libraries already preloaded. */
    static String wantedSetting(String current) {
        if (current == null || current.isBlank() || preloads(current)) {
            return current == null || current.isBlank() ? LIBRARY : current;
        }
        return Arrays.stream(current.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.joining(", "))
                + ", " + LIBRARY;
    }

    static KeelException notLoaded(Connection c, String current) throws SQLException {
        String wanted = Identifiers.literal(wantedSetting(current));
        return new KeelException(
                InsightError.PG_STAT_STATEMENTS_MISSING,
                "pg_stat_statements is not loaded by the server of database " + Identifiers.display(c.getCatalog())
                        + ", so there are no statement statistics to read",
                "set shared_preload_libraries = " + wanted
                        + " in postgresql.conf (or run ALTER SYSTEM SET shared_preload_libraries = " + wanted
                        + ") and restart PostgreSQL; keel's embedded server preloads it already");
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            String database = Identifiers.display(c.getCatalog());
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new KeelException(
                        InsightError.PG_STAT_STATEMENTS_MISSING,
                        "the extension pg_stat_statements is not installed in database " + database + " and user "
                                + Identifiers.display(c.getMetaData().getUserName()) + " may not install it",
                        "run CREATE EXTENSION pg_stat_statements; in database " + database
                                + " as a superuser, then retry",
                        e);
            }
            throw new KeelException(
                    InsightError.PG_STAT_STATEMENTS_MISSING,
                    "cannot install the extension pg_stat_statements in database " + database + ": " + firstLine(e),
                    "install PostgreSQL's contrib modules on the server (the package that provides pg_stat_statements), then retry",
                    e);
        }
    }

    private static String extensionSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "/* keel stats */ SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                                + " WHERE e.extname = 'pg_stat_statements'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** shared_preload_libraries, or null when this user may not read it (it needs pg_read_all_settings). */
    private static String preloadSetting(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("/* keel stats */ SELECT current_setting('shared_preload_libraries')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    private static boolean exists(Connection c, String qualified) throws SQLException {
        try (var s = c.prepareStatement("/* keel stats */ SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String unquote(String lib) {
        return lib.length() >= 2 && lib.startsWith("\"") && lib.endsWith("\"")
                ? lib.substring(1, lib.length() - 1)
                : lib;
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getSQLState() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
