package dev.keel.advise;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import dev.keel.stats.Snapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rows written per second to a table: each insert, and each update that is not HOT, must also
 * maintain a new index. The rate comes from the difference of the two newest statistics snapshots
 * (pg_stat_user_tables), the load of late; without two usable snapshots, from the counters' whole
 * life, which averages quiet nights and busy days since the last reset, and the basis says so.
 */
final class WriteRate {

    private WriteRate() {}

    /**
     * @param older the second-newest snapshot, or null when there is only one
     * @param newer the newest snapshot (advice takes one as it starts)
     */
    static TableWrites of(Connection c, String keelSchema, Snapshot older, Snapshot newer, String schema, String table)
            throws SQLException {
        if (older != null && newer != null && older.sameServerRun(newer) && sameReset(older, newer)) {
            Optional<TableWrites> between = between(c, keelSchema, older, newer, schema, table);
            if (between.isPresent()) {
                return between.get();
            }
        }
        return lifetime(c, schema, table);
    }

    private static Optional<TableWrites> between(
            Connection c, String keelSchema, Snapshot older, Snapshot newer, String schema, String table)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(
                WriteRate.class, "table-writes-between.sql", Map.of("schema", Identifiers.quote(keelSchema))))) {
            s.setLong(1, older.id());
            s.setLong(2, newer.id());
            s.setString(3, schema);
            s.setString(4, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double seconds = rs.getDouble("seconds");
                long inserts = rs.getLong("inserts");
                long updates = rs.getLong("updates");
                long deletes = rs.getLong("deletes");
                // A counter that went down was reset on its own (pg_stat_reset_single_table_counters): the difference
                // means nothing.
                if (seconds <= 0 || inserts < 0 || updates < 0 || deletes < 0) {
                    return Optional.empty();
                }
                return Optional.of(new TableWrites(
                        inserts / seconds,
                        updates / seconds,
                        deletes / seconds,
                        "between the snapshots " + older.id() + " and " + newer.id() + " (" + seconds(seconds) + ")"));
            }
        }
    }

    private static TableWrites lifetime(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(WriteRate.class, "table-writes.sql"))) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getDouble("seconds") <= 0) {
                    return new TableWrites(0, 0, 0, "no statistics for the table");
                }
                double seconds = rs.getDouble("seconds");
                return new TableWrites(
                        rs.getLong("inserts") / seconds,
                        rs.getLong("updates") / seconds,
                        rs.getLong("deletes") / seconds,
                        TableWrites.LIFETIME + " (" + seconds(seconds) + ")");
            }
        }
    }

    private static boolean sameReset(Snapshot older, Snapshot newer) {
        return older.tablesResetAt() == null
                ? newer.tablesResetAt() == null
                : newer.tablesResetAt() != null && older.tablesResetAt().isEqual(newer.tablesResetAt());
    }

    private static String seconds(double s) {
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%.1f days", s / 86_400);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.0f s", s);
    }
}
