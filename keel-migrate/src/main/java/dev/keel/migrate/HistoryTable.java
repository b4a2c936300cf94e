package dev.keel.migrate;

import dev.keel.connect.SchemaAccess;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** keel.schema_history: what ran, when, by whom, how long, with which checksum, and whether it succeeded. */
public final class HistoryTable {
    private final String schema;
    private final String table;

    public HistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    public String qualifiedName() {
        return Identifiers.qualified(schema, table);
    }

    public String displayName() {
        return Identifiers.display(schema) + "." + Identifiers.display(table);
    }

    public String schema() {
        return schema;
    }

    public String tableName() {
        return table;
    }

    private Map<String, String> names() {
        return Map.of("schema", Identifiers.quote(schema), "history", qualifiedName());
    }

    /** Whether the table exists; a role without USAGE on its schema is told which grant it needs. */
    public boolean exists(Connection c) throws SQLException {
        SchemaAccess.read(c, schema).requireUsage("keel's migration history");
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Creates the table when missing, and its schema only when that is missing too: a role that may
     * create in a schema prepared for it needs no CREATE on the database. Call under the migration
     * lock so two creators cannot race.
     */
    public void ensureExists(Connection c) throws SQLException {
        if (exists(c)) {
            upgrade(c);
            return;
        }
        SchemaAccess access = SchemaAccess.read(c, schema);
        access.requireCreate("keel's history table");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (!access.exists()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            }
            s.execute(SqlResources.load(HistoryTable.class, "history-create.sql", names()));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Adds what later versions of keel record (the phase of a change) to a table an older keel created. */
    private void upgrade(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'phase' AND NOT attisdropped")) {
            s.setString(1, qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(SqlResources.load(HistoryTable.class, "history-upgrade.sql", names()));
        }
    }

    /** Records a change's phase on its history row (the newest row of that version). */
    public void setPhase(Connection c, MigrationVersion version, String phase) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + qualifiedName()
                + " SET phase = ? WHERE installed_rank = " + "(SELECT max(installed_rank) FROM " + qualifiedName()
                + " WHERE version = ? AND type = 'CHANGE')")) {
            s.setString(1, phase);
            s.setString(2, version.toString());
            s.executeUpdate();
        }
    }

    /** The history row of a change whose start finished: phase active. */
    public void insertChange(Connection c, MigrationScript script, int executionTimeMs) throws SQLException {
        insert(
                c,
                script.version(),
                script.description(),
                MigrationType.CHANGE,
                script.script(),
                script.checksum(),
                executionTimeMs,
                true);
        setPhase(c, script.version(), AppliedMigration.ACTIVE);
    }

    public List<AppliedMigration> read(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(HistoryTable.class, "history-select.sql", names()))) {
            while (rs.next()) {
                String version = rs.getString("version");
                int checksum = rs.getInt("checksum");
                rows.add(new AppliedMigration(
                        rs.getInt("installed_rank"),
                        version == null ? null : MigrationVersion.parse(version),
                        rs.getString("description"),
                        MigrationType.valueOf(rs.getString("type")),
                        rs.getString("script"),
                        rs.wasNull() ? null : checksum,
                        rs.getString("installed_by"),
                        rs.getObject("installed_on", OffsetDateTime.class),
                        rs.getInt("execution_time_ms"),
                        rs.getBoolean("success"),
                        rs.getString("phase")));
            }
        }
        return rows;
    }

    public void insert(
            Connection c,
            MigrationVersion version,
            String description,
            MigrationType type,
            String script,
            Integer checksum,
            int executionTimeMs,
            boolean success)
            throws SQLException {
        insert(
                c,
                version == null ? null : version.toString(),
                description,
                type,
                script,
                checksum,
                null,
                null,
                executionTimeMs,
                success);
    }

    public void insert(
            Connection c,
            String version,
            String description,
            MigrationType type,
            String script,
            Integer checksum,
            String installedBy,
            Timestamp installedOn,
            int executionTimeMs,
            boolean success)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(HistoryTable.class, "history-insert.sql", names()))) {
            s.setString(1, version);
            s.setString(2, description);
            s.setString(3, type.name());
            s.setString(4, script);
            if (checksum == null) {
                s.setNull(5, Types.INTEGER);
            } else {
                s.setInt(5, checksum);
            }
            s.setString(6, installedBy);
            s.setTimestamp(7, installedOn);
            s.setInt(8, executionTimeMs);
            s.setBoolean(9, success);
            s.executeUpdate();
        }
    }

    /** The success row of a transactional migration as literal SQL, to travel in one batch with the migration. */
    public String successRowSql(MigrationScript script) {
        return SqlResources.load(
                HistoryTable.class,
                "history-insert-pipelined.sql",
                Map.of(
                        "history", qualifiedName(),
                        "version",
                                script.version() == null
                                        ? "NULL"
                                        : Identifiers.literal(script.version().toString()),
                        "description", Identifiers.literal(script.description()),
                        "type", Identifiers.literal(script.type().name()),
                        "script", Identifiers.literal(script.script()),
                        "checksum", Integer.toString(script.checksum())));
    }

    public int deleteFailed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + qualifiedName() + " WHERE NOT success");
        }
    }

    public void realign(Connection c, int installedRank, int checksum, String description) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + qualifiedName() + " SET checksum = ?, description = ? WHERE installed_rank = ?")) {
            s.setInt(1, checksum);
            s.setString(2, description);
            s.setInt(3, installedRank);
            s.executeUpdate();
        }
    }
}
