package dev.keel.change;

import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * Asks PostgreSQL what validating a change needs to know of the live database, each question in a transaction that is
 * rolled back: whether a type exists and an expression compiles (by planning it with EXPLAIN, never running it; the
 * server is the only parser that knows every function and cast), and whether a column holds NULLs.
 */
public final class ExpressionProbe {
    private final Connection connection;
    private final boolean countNulls;

    /** For keel check and keel validate: NULLs are looked for with EXISTS, which stops at the first. */
    public ExpressionProbe(Connection connection) {
        this(connection, false);
    }

    private ExpressionProbe(Connection connection, boolean countNulls) {
        this.connection = connection;
        this.countNulls = countNulls;
    }

    /** For start, which is about to scan the table anyway: NULLs are counted, so the error says how many. */
    public static ExpressionProbe countingNulls(Connection connection) {
        return new ExpressionProbe(connection, true);
    }

    /**
     * The rows whose {@code column} is NULL: their number when counting, otherwise 1 when there is any; empty when the
     * server could not answer (the role may not read the table), which is no reason to refuse a change.
     */
    public OptionalLong nullRows(String schema, String table, String column) {
        String where =
                " FROM " + Identifiers.qualified(schema, table) + " WHERE " + Identifiers.quote(column) + " IS NULL";
        String sql = countNulls
                ? "SELECT count(*)" + where
                : "SELECT CASE WHEN EXISTS (SELECT 1" + where + ") THEN 1 ELSE 0 END";
        try {
            return rolledBack(s -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return OptionalLong.of(rs.getLong(1));
                }
            });
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The smallest and the largest value of a range partition key, as ordinals (seconds since 1970 UTC for a time,
     * the value for an integer); empty when the table holds no row or the server could not answer.
     */
    public Optional<long[]> keyRange(String schema, String table, String column, boolean time) {
        String c = Identifiers.quote(column);
        String sql = time
                ? "SELECT floor(extract(epoch FROM min(" + c + ")))::bigint, floor(extract(epoch FROM max(" + c
                        + ")))::bigint FROM " + Identifiers.qualified(schema, table)
                : "SELECT min(" + c + ")::bigint, max(" + c + ")::bigint FROM " + Identifiers.qualified(schema, table);
        try {
            return rolledBack(s -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    long min = rs.getLong(1);
                    return rs.wasNull() ? Optional.<long[]>empty() : Optional.of(new long[] {min, rs.getLong(2)});
                }
            });
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Whether {@link #nullRows} counts (true) or only says whether there is any NULL (false). */
    public boolean countsNulls() {
        return countNulls;
    }

    public Optional<String> type(String type) {
        return explain("SELECT NULL::" + type);
    }

    /** The expression over a table seen through {@code table}'s column names, cast to {@code type} when given. */
    public Optional<String> expression(String schema, Shape.TableShape table, String expression, String type) {
        if (table.created()) {
            // The table does not exist before start: nothing to compile against, and it holds no rows to convert.
            return Optional.empty();
        }
        String columns = table.columns().values().stream()
                .map(c -> (ShadowNames.isShadow(c.physical()) ? "NULL::" + c.type() : Identifiers.quote(c.physical()))
                        + " AS " + Identifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        String from = "(SELECT " + (columns.isEmpty() ? "1" : columns) + " FROM "
                + Identifiers.qualified(schema, table.physical()) + ") AS t";
        String select = "(" + expression + ")" + (type == null || type.isBlank() ? "" : "::" + type);
        return explain("SELECT " + select + " FROM " + from + " LIMIT 0");
    }

    /** Whether a whole query compiles against the live schema, names resolved in {@code schema} first. */
    public Optional<String> query(String schema, String sql) {
        return explain(
                "SELECT set_config('search_path', " + Identifiers.literal(Identifiers.quote(schema)) + ", true)", sql);
    }

    private Optional<String> explain(String setting, String sql) {
        try {
            return rolledBack(s -> {
                try {
                    s.execute(setting);
                    s.execute("EXPLAIN " + sql);
                    return Optional.<String>empty();
                } catch (SQLException e) {
                    return Optional.of(message(e));
                }
            });
        } catch (SQLException e) {
            return Optional.of(message(e));
        }
    }

    private Optional<String> explain(String sql) {
        try {
            return rolledBack(s -> {
                try {
                    s.execute("EXPLAIN " + sql);
                    return Optional.<String>empty();
                } catch (SQLException e) {
                    return Optional.of(message(e));
                }
            });
        } catch (SQLException e) {
            return Optional.of(message(e));
        }
    }

    private interface Question<T> {
        T ask(Statement s) throws SQLException;
    }

    /** Runs {@code question} in a transaction rolled back after it, whatever the connection's state before. */
    private <T> T rolledBack(Question<T> question) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Savepoint sp = connection.setSavepoint();
        try (Statement s = connection.createStatement()) {
            return question.ask(s);
        } finally {
            connection.rollback(sp);
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String message(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
