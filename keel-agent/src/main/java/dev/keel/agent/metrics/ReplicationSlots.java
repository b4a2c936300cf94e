package dev.keel.agent.metrics;

import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * {@code pg_replication_slots_*} from one query: the names postgres_exporter 0.11 uses ({@code active},
 * {@code pg_wal_lsn_diff} by slot_name and database) and those of its later versions ({@code slot_is_active},
 * {@code slot_current_wal_lsn}, {@code slot_confirmed_flush_lsn}, {@code safe_wal_size_bytes}, {@code wal_status} by
 * slot_name and slot_type), so dashboards written for either work.
 */
final class ReplicationSlots {
    /** safe_wal_size and wal_status exist from PostgreSQL 13. */
    private static final int WAL_STATUS_SINCE = 130000;

    private ReplicationSlots() {}

    static String sql(int serverVersion) {
        boolean walStatus = serverVersion >= WAL_STATUS_SINCE;
        return SqlResources.load(
                ReplicationSlots.class,
                "replication-slots.sql",
                Map.of(
                        "safe_wal_size", walStatus ? "safe_wal_size" : "null",
                        "wal_status", walStatus ? "wal_status" : "null"));
    }

    static List<Family> read(Connection c, String server, int serverVersion) throws SQLException {
        Family active = Family.gauge("pg_replication_slots_active", "Flag indicating if the slot is active");
        Family lsnDiff = Family.gauge("pg_replication_slots_pg_wal_lsn_diff", "Replication lag in bytes");
        Family isActive =
                Family.gauge("pg_replication_slots_slot_is_active", "whether the replication slot is active or not");
        Family currentLsn = Family.gauge("pg_replication_slots_slot_current_wal_lsn", "current wal lsn value");
        Family flushLsn = Family.gauge(
                "pg_replication_slots_slot_confirmed_flush_lsn", "last lsn confirmed flushed to the replication slot");
        Family safeWal = Family.gauge(
                "pg_replication_slots_safe_wal_size_bytes",
                "number of bytes that can be written to WAL such that this slot is not in danger of getting in state lost");
        Family walStatus =
                Family.gauge("pg_replication_slots_wal_status", "availability of WAL files claimed by this slot");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql(serverVersion))) {
            while (rs.next()) {
                String slot = rs.getString("slot_name");
                String type = rs.getString("slot_type");
                double on = rs.getBoolean("active") ? 1 : 0;
                Labels byDatabase =
                        Labels.of("database", rs.getString("database"), "server", server, "slot_name", slot);
                Labels byType = Labels.of("slot_name", slot, "slot_type", type);
                active.add(byDatabase, on);
                isActive.add(byType, on);
                double retained = rs.getDouble("retained_bytes");
                if (!rs.wasNull()) {
                    lsnDiff.add(byDatabase, retained);
                }
                currentLsn.add(byType, rs.getDouble("current_wal_lsn"));
                flushLsn.add(byType, rs.getDouble("confirmed_flush_lsn"));
                double safe = rs.getDouble("safe_wal_size");
                if (!rs.wasNull()) {
                    safeWal.add(byType, safe);
                }
                String status = rs.getString("wal_status");
                if (status != null) {
                    walStatus.add(Labels.of("slot_name", slot, "slot_type", type, "wal_status", status), 1);
                }
            }
        }
        return List.of(active, lsnDiff, isActive, currentLsn, flushLsn, safeWal, walStatus);
    }
}
