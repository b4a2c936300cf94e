package dev.keel.migrate;

import dev.keel.connect.SchemaAccess;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Statement-level progress of migrations that cannot run in a transaction (CREATE INDEX
 * CONCURRENTLY and the like): each completed statement is committed on its own, so keel records it,
 * and a run after a kill skips what is done. Progress only counts for the same file content.
 */
final class StatementProgress {
    private final String schema;
    private final String table;

    StatementProgress(HistoryTable history) {
        this.schema = history.schema();
        this.table = Identifiers.qualified(history.schema(), history.tableName() + "_progress");
    }

    /** Creates the table when missing, and only then: CREATE … IF NOT EXISTS needs CREATE on the schema even so. */
    void ensureExists(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        SchemaAccess.read(c, schema).requireCreate("keel's progress table for migrations without a transaction");
        try (Statement s = c.createStatement()) {
            s.execute(SqlResources.load(StatementProgress.class, "progress-create.sql", Map.of("progress", table)));
        }
    }

    /** Statements of this script (with this checksum) that an earlier run completed. */
    int done(Connection c, MigrationScript script) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT statements_done FROM " + table + " WHERE script = ? AND checksum = ?")) {
            s.setString(1, script.script());
            s.setInt(2, script.checksum());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    void record(Connection c, MigrationScript script, int done) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO " + table + " (script, checksum, statements_done) VALUES (?, ?, ?)"
                        + " ON CONFLICT (script) DO UPDATE SET checksum = excluded.checksum, statements_done = excluded.statements_done,"
                        + " updated_on = now()")) {
            s.setString(1, script.script());
            s.setInt(2, script.checksum());
            s.setInt(3, done);
            s.executeUpdate();
        }
    }

    void clear(Connection c, MigrationScript script) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE script = ?")) {
            s.setString(1, script.script());
            s.executeUpdate();
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** For repair: forget all progress (a person has looked at the database). */
    int clearAll(Connection c) throws SQLException {
        if (!exists(c)) {
            return 0;
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + table);
        }
    }
}
