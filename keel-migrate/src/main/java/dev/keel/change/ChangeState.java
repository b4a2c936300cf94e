package dev.keel.change;

import dev.keel.partition.PartitionSets;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** keel.change_state and keel.change_backfill: the change in flight and its backfill progress. */
public final class ChangeState {
    public static final String STARTING = "starting";
    public static final String BACKFILLING = "backfilling";
    public static final String ACTIVE = "active";
    public static final String COMPLETING = "completing";
    public static final String FINISHING = "finishing";
    public static final String ROLLING_BACK = "rolling_back";

    private final String schema;

    public ChangeState(String schema) {
        this.schema = schema;
    }

    /** The row of the change in flight. */
    public record Row(
            String version,
            String script,
            int checksum,
            String content,
            String description,
            String schemaName,
            String previousVersion,
            boolean createdPrevious,
            String snapshot,
            String phase,
            OffsetDateTime startedOn) {}

    /** One table's backfill: where it got to, for resuming and for status. */
    public record Progress(
            String table,
            List<String> lastKey,
            long rowsDone,
            long rowsTotal,
            boolean done,
            OffsetDateTime startedOn,
            OffsetDateTime updatedOn) {}

    public String table() {
        return Identifiers.qualified(schema, "change_state");
    }

    public String backfillTable() {
        return Identifiers.qualified(schema, "change_backfill");
    }

    public void ensureExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            s.execute(SqlResources.load(
                    ChangeState.class,
                    "state-create.sql",
                    Map.of(
                            "state",
                            table(),
                            "backfill",
                            backfillTable(),
                            "partitionSets",
                            PartitionSets.table(schema),
                            "partitionsDetached",
                            PartitionSets.detachedTable(schema))));
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public Optional<Row> current(Connection c) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table() + " ORDER BY started_on LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(
                    rs.getString("version"),
                    rs.getString("script"),
                    rs.getInt("checksum"),
                    rs.getString("content"),
                    rs.getString("description"),
                    rs.getString("schema_name"),
                    rs.getString("previous_version"),
                    rs.getBoolean("created_previous"),
                    rs.getString("snapshot"),
                    rs.getString("phase"),
                    rs.getObject("started_on", OffsetDateTime.class)));
        }
    }

    public void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table()
                + " (version, script, checksum, content, description, schema_name, previous_version, created_previous,"
                + " snapshot, phase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, row.version());
            s.setString(2, row.script());
            s.setInt(3, row.checksum());
            s.setString(4, row.content());
            s.setString(5, row.description());
            s.setString(6, row.schemaName());
            s.setString(7, row.previousVersion());
            s.setBoolean(8, row.createdPrevious());
            s.setString(9, row.snapshot());
            s.setString(10, row.phase());
            s.executeUpdate();
        }
    }

    public void setPhase(Connection c, String version, String phase) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE " + table() + " SET phase = ?, updated_on = now() WHERE version = ?")) {
            s.setString(1, phase);
            s.setString(2, version);
            s.executeUpdate();
        }
    }

    public void delete(Connection c, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table() + " WHERE version = ?");
                PreparedStatement b = c.prepareStatement("DELETE FROM " + backfillTable() + " WHERE version = ?")) {
            s.setString(1, version);
            s.executeUpdate();
            b.setString(1, version);
            b.executeUpdate();
        }
    }

    public List<Progress> progress(Connection c, String version) throws SQLException {
        List<Progress> out = new ArrayList<>();
        if (!exists(c)) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM " + backfillTable() + " WHERE version = ? ORDER BY started_on, table_name")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array key = rs.getArray("last_key");
                    out.add(new Progress(
                            rs.getString("table_name"),
                            key == null ? null : Arrays.asList((String[]) key.getArray()),
                            rs.getLong("rows_done"),
                            rs.getLong("rows_total"),
                            rs.getBoolean("done"),
                            rs.getObject("started_on", OffsetDateTime.class),
                            rs.getObject("updated_on", OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    public void startBackfill(Connection c, String version, String table, long total) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + backfillTable()
                + " (version, table_name, rows_total) VALUES (?, ?, ?) ON CONFLICT (version, table_name) DO NOTHING")) {
            s.setString(1, version);
            s.setString(2, table);
            s.setLong(3, total);
            s.executeUpdate();
        }
    }

    /** Runs in the batch's own transaction, so the recorded key never runs ahead of the rows converted. */
    public void recordBatch(Connection c, String version, String table, List<String> lastKey, long rows, boolean done)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + backfillTable()
                + " SET last_key = coalesce(?, last_key), rows_done = rows_done + ?, done = ?, updated_on = now()"
                + " WHERE version = ? AND table_name = ?")) {
            s.setArray(1, lastKey == null ? null : c.createArrayOf("text", lastKey.toArray()));
            s.setLong(2, rows);
            s.setBoolean(3, done);
            s.setString(4, version);
            s.setString(5, table);
            s.executeUpdate();
        }
    }
}
