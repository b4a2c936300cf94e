package dev.keel.stats;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stores and finds snapshots of pg_stat_statements, pg_stat_user_tables and pg_stat_user_indexes in
 * keel's schema. The rows are copied server-side (INSERT … SELECT), one transaction per snapshot, so a
 * snapshot is all there or not at all and no statistics travel through the client.
 */
public final class StatementSnapshots {
    private final StatsSchema tables;

    public StatementSnapshots(String schema) {
        this.tables = new StatsSchema(schema);
    }

    /** In keel's default schema {@code keel}. */
    public static StatementSnapshots inDefaultSchema() {
        return new StatementSnapshots("keel");
    }

    public String schema() {
        return tables.schema();
    }

    /**
     * Takes a snapshot now, creating keel's tables and the extension first when they are missing.
     * Pass a connection in autocommit mode: the snapshot is its own transaction.
     */
    public Snapshot take(Connection c) {
        try {
            PgStatStatements source = PgStatStatements.ensureReady(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                tables.ensureExists(c);
                Snapshot stored = insert(c, source);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failed("taking a statistics snapshot", e);
        }
    }

    private Snapshot insert(Connection c, PgStatStatements source) throws SQLException {
        Map<String, String> names = new HashMap<>(tables.names());
        names.put("pg_stat_statements", source.view());
        names.put(
                "statements_reset",
                source.infoView() == null
                        ? "NULL::timestamptz"
                        : "(SELECT stats_reset FROM " + source.infoView() + ")");
        Snapshot head;
        try (PreparedStatement s =
                        c.prepareStatement(SqlResources.load(StatementSnapshots.class, "snapshot-insert.sql", names));
                ResultSet rs = s.executeQuery()) {
            rs.next();
            head = read(rs, 0, 0, 0);
        }
        long statements = copy(c, "snapshot-statements.sql", names, head.id(), false);
        long tableRows = copy(c, "snapshot-tables.sql", names, head.id(), true);
        long indexRows = copy(c, "snapshot-indexes.sql", names, head.id(), true);
        return new Snapshot(
                head.id(),
                head.takenAt(),
                head.serverStartedAt(),
                head.statementsResetAt(),
                head.tablesResetAt(),
                head.serverVersion(),
                statements,
                tableRows,
                indexRows);
    }

    private long copy(
            Connection c, String resource, Map<String, String> names, long snapshotId, boolean skipsKeelSchema)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(StatementSnapshots.class, resource, names))) {
            s.setLong(1, snapshotId);
            if (skipsKeelSchema) {
                s.setString(2, tables.schema());
            }
            return s.executeLargeUpdate();
        }
    }

    /** The newest snapshot taken at or before {@code when}, other than {@code except}. */
    public Optional<Snapshot> newestAtOrBefore(Connection c, OffsetDateTime when, long except) {
        return find(c, "s.taken_at <= ? AND s.id <> ?", "DESC", when, except);
    }

    /** The oldest stored snapshot other than {@code except}. */
    public Optional<Snapshot> oldest(Connection c, long except) {
        return find(c, "s.id <> ?", "ASC", null, except);
    }

    public Optional<Snapshot> newest(Connection c) {
        return find(c, "s.id <> ?", "DESC", null, -1);
    }

    /** Deletes the snapshots taken before {@code before}, with their rows; returns how many. */
    public int prune(Connection c, OffsetDateTime before) {
        try {
            // Sampled values go with the snapshots of their time: they may be personal data, and keel keeps nothing
            // longer than asked.
            new LiteralSamples(tables.schema()).prune(c, before);
            if (!tables.exists(c)) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement(
                    SqlResources.load(StatementSnapshots.class, "snapshot-prune.sql", tables.names()))) {
                s.setObject(1, before);
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("deleting old statistics snapshots", e);
        }
    }

    private Optional<Snapshot> find(
            Connection c, String condition, String direction, OffsetDateTime when, long except) {
        try {
            if (!tables.exists(c)) {
                return Optional.empty();
            }
            Map<String, String> names = new HashMap<>(tables.names());
            names.put("condition", condition);
            names.put("direction", direction);
            try (PreparedStatement s =
                    c.prepareStatement(SqlResources.load(StatementSnapshots.class, "snapshot-select.sql", names))) {
                int i = 1;
                if (when != null) {
                    s.setObject(i++, when);
                }
                s.setLong(i, except);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(
                                    read(rs, rs.getLong("statements"), rs.getLong("tables"), rs.getLong("indexes")))
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw failed("reading statistics snapshots", e);
        }
    }

    private static Snapshot read(ResultSet rs, long statements, long tables, long indexes) throws SQLException {
        return new Snapshot(
                rs.getLong("id"),
                rs.getObject("taken_at", OffsetDateTime.class),
                rs.getObject("server_started_at", OffsetDateTime.class),
                rs.getObject("statements_reset_at", OffsetDateTime.class),
                rs.getObject("tables_reset_at", OffsetDateTime.class),
                rs.getInt("server_version"),
                statements,
                tables,
                indexes);
    }

    private KeelException failed(String doing, SQLException e) {
        return new KeelException(
                InsightError.SNAPSHOT_FAILED,
                doing + " in schema " + Identifiers.display(tables.schema()) + " failed: "
                        + e.getMessage().lines().findFirst().orElse(""),
                "check that the user may create and write tables in that schema",
                e);
    }
}
