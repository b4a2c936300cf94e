package dev.keel.migrate;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adopts a Flyway history so applied migrations are not run again. Keel computes checksums the way
 * Flyway does, so the imported checksums keep guarding against edited files.
 */
public final class ImportFlyway {

    private ImportFlyway() {}

    private record FlywayRow(
            String version,
            String description,
            String type,
            String script,
            Integer checksum,
            String installedBy,
            Timestamp installedOn,
            int executionTime,
            boolean success) {}

    /** {@code flywaySchema} null means the connection's current schema, where Flyway puts its table by default. */
    public static ImportResult run(
            ConnectionSource source,
            MigrationSettings settings,
            String flywaySchema,
            String flywayTable,
            MigrationListener listener) {
        HistoryTable history = settings.history();
        try (Connection c = source.open();
                MigrationLock lock = MigrationLock.acquire(c, history, listener)) {
            String schema = flywaySchema != null ? flywaySchema : currentSchema(c);
            String qualified = Identifiers.qualified(schema, flywayTable);
            String shown = Identifiers.display(schema) + "." + Identifiers.display(flywayTable);
            if (!exists(c, qualified)) {
                throw new MigrationException(
                        MigrateError.FLYWAY_HISTORY_MISSING,
                        "there is no Flyway history table " + shown + " in " + source.describe(),
                        "name it with --flyway-schema and --flyway-table");
            }
            history.ensureExists(c);
            if (!history.read(c).isEmpty()) {
                throw new MigrationException(
                        MigrateError.HISTORY_NOT_EMPTY,
                        "keel's history " + history.displayName() + " in " + source.describe() + " is not empty",
                        "import a Flyway history only into a database keel has not migrated yet");
            }
            List<String> skipped = new ArrayList<>();
            Map<String, FlywayRow> rows = read(c, qualified, skipped);
            c.setAutoCommit(false);
            for (FlywayRow row : rows.values()) {
                MigrationType type = "BASELINE".equals(row.type())
                        ? MigrationType.BASELINE
                        : row.version() == null ? MigrationType.REPEATABLE : MigrationType.VERSIONED;
                String version = row.version() == null
                        ? null
                        : MigrationVersion.parse(row.version()).toString();
                history.insert(
                        c,
                        version,
                        row.description(),
                        type,
                        row.script(),
                        row.checksum(),
                        row.installedBy(),
                        row.installedOn(),
                        row.executionTime(),
                        row.success());
            }
            c.commit();
            String current = history.read(c).stream()
                    .filter(r -> r.version() != null && r.success())
                    .map(AppliedMigration::version)
                    .max(MigrationVersion::compareTo)
                    .map(MigrationVersion::toString)
                    .orElse(null);
            return new ImportResult(source.describe(), shown, rows.size(), current, skipped);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_WRITE_FAILED,
                    "importing the Flyway history of " + source.describe() + " failed: " + e.getMessage(),
                    "nothing was imported; check the user's rights on both history tables",
                    e);
        }
    }

    /** Flyway's rows in order; its bookkeeping rows are skipped and DELETE markers cancel the rows they mark. */
    private static Map<String, FlywayRow> read(Connection c, String qualified, List<String> skipped)
            throws SQLException {
        Map<String, FlywayRow> rows = new LinkedHashMap<>();
        int n = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        SqlResources.load(ImportFlyway.class, "flyway-select.sql", Map.of("flyway", qualified)))) {
            while (rs.next()) {
                String type = rs.getString("type");
                String version = rs.getString("version");
                String description = rs.getString("description");
                int checksum = rs.getInt("checksum");
                Integer sum = rs.wasNull() ? null : checksum;
                String key = version != null ? "V" + version : "R" + description + "#" + n++;
                switch (type) {
                    case "SCHEMA" ->
                        skipped.add("rank " + rs.getInt("installed_rank") + ": Flyway's schema creation marker");
                    case "DELETE" -> {
                        rows.remove(key);
                        skipped.add("rank " + rs.getInt("installed_rank") + ": " + key
                                + " marked deleted by flyway repair");
                    }
                    default -> {
                        if (type.startsWith("UNDO")) {
                            skipped.add("rank " + rs.getInt("installed_rank") + ": undo migration " + version);
                        } else {
                            rows.put(
                                    key,
                                    new FlywayRow(
                                            version,
                                            description,
                                            type,
                                            rs.getString("script"),
                                            sum,
                                            rs.getString("installed_by"),
                                            rs.getTimestamp("installed_on"),
                                            rs.getInt("execution_time"),
                                            rs.getBoolean("success")));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1) == null ? "public" : rs.getString(1);
        }
    }

    private static boolean exists(Connection c, String qualified) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
