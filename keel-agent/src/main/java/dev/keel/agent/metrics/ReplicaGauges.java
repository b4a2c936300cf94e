package dev.keel.agent.metrics;

import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code keel_replica_*}: each standby streaming from this server, and each replica keel made (keel.replicas) that is
 * not connected, with its lag and the WAL its slot keeps. One statement; keel's registry is joined only where it
 * exists.
 */
final class ReplicaGauges {
    private ReplicaGauges() {}

    static List<Family> read(Connection c, String registry, String streamApplicationName) throws SQLException {
        Family connected = Family.gauge(
                "keel_replica_connected",
                "1 while the standby streams from this server, 0 for a replica keel made that is not connected");
        Family lagBytes =
                Family.gauge("keel_replica_lag_bytes", "WAL written on the primary that the standby has not replayed");
        Family lagSeconds = Family.gauge(
                "keel_replica_lag_seconds", "How far the standby's replay is behind the primary, in seconds");
        Family retained = Family.gauge(
                "keel_replica_slot_retained_bytes", "WAL the standby's replication slot keeps on the primary");
        String sql = registry == null
                ? SqlResources.load(ReplicaGauges.class, "replicas.sql")
                : SqlResources.load(ReplicaGauges.class, "replicas-with-registry.sql", Map.of("replicas", registry));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, streamApplicationName);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("name");
                    if (name == null) {
                        // a walsender whose session the role may not see: nothing to label it by
                        continue;
                    }
                    Labels labels = Labels.of("keel", rs.getBoolean("keel") ? "true" : "false", "replica", name);
                    boolean on = rs.getBoolean("connected");
                    connected.add(labels, on ? 1 : 0);
                    double bytes = rs.getDouble("lag_bytes");
                    if (!rs.wasNull()) {
                        lagBytes.add(labels, bytes);
                    }
                    double seconds = rs.getDouble("lag_seconds");
                    if (!rs.wasNull()) {
                        lagSeconds.add(labels, seconds);
                    } else if (on && bytes == 0) {
                        // replay_lag turns NULL once the standby has replayed all there is: no lag
                        lagSeconds.add(labels, 0);
                    }
                    String slot = rs.getString("slot_name");
                    double kept = rs.getDouble("retained_bytes");
                    if (slot != null && !rs.wasNull()) {
                        retained.add(Labels.of("replica", name, "slot_name", slot), kept);
                    }
                }
            }
        }
        return List.of(connected, lagBytes, lagSeconds, retained);
    }
}
