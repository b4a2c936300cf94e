package dev.keel.agent.metrics;

import dev.keel.change.ChangeState;
import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The server as a whole, in one row: {@code pg_replication_lag_seconds}, {@code pg_replication_is_replica} and
 * {@code pg_replication_last_replay_seconds} as postgres_exporter names them, keel's WAL receiver as the server sees
 * it ({@code keel_wal_stream_*}), and which of keel's tables exist.
 *
 * @param changeTables whether {@link ActiveChange} can be asked
 * @param projections whether keel.projections exists, for {@link ProjectionGauges}
 * @param partitionSets whether keel.partition_sets exists, for {@link PartitionGauges}
 * @param replicas whether keel.replicas exists, for {@link ReplicaGauges}
 */
record ServerState(
        List<Family> families, boolean changeTables, boolean projections, boolean partitionSets, boolean replicas) {

    static ServerState read(Connection c, ChangeState change, KeelTables keel, String streamApplicationName)
            throws SQLException {
        Family lag = Family.gauge("pg_replication_lag_seconds", "Replication lag behind master in seconds");
        Family replica = Family.gauge("pg_replication_is_replica", "Indicates if the server is a replica");
        Family lastReplay = Family.gauge("pg_replication_last_replay_seconds", "Age of last replay in seconds");
        Family connected = Family.gauge(
                "keel_wal_stream_connected",
                "1 when keel's WAL receiver (backup.stream.applicationName) streams from this server, else 0");
        Family lagBytes = Family.gauge(
                "keel_wal_stream_lag_bytes", "WAL the server has written that keel's receiver has not yet flushed");
        Family flushLag = Family.gauge(
                "keel_wal_stream_flush_lag_seconds",
                "How long the server last waited for keel's receiver to flush WAL it had written");
        boolean changeTables;
        boolean projections;
        boolean partitionSets;
        boolean replicas;
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(ServerState.class, "server-state.sql"))) {
            s.setString(1, change.table());
            s.setString(2, change.backfillTable());
            s.setString(3, keel.projections());
            s.setString(4, keel.partitionSets());
            s.setString(5, keel.replicas());
            s.setString(6, streamApplicationName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                boolean isReplica = rs.getBoolean("is_replica");
                replica.add(isReplica ? 1 : 0);
                lag.add(rs.getDouble("lag_seconds"));
                double replay = rs.getDouble("last_replay_seconds");
                if (!rs.wasNull()) {
                    lastReplay.add(replay);
                }
                boolean streaming = rs.getBoolean("connected");
                connected.add(Labels.of("application_name", streamApplicationName), streaming ? 1 : 0);
                if (streaming) {
                    double bytes = rs.getDouble("lag_bytes");
                    if (!rs.wasNull()) {
                        lagBytes.add(Labels.of("application_name", streamApplicationName), bytes);
                    }
                    flushLag.add(
                            Labels.of("application_name", streamApplicationName), rs.getDouble("flush_lag_seconds"));
                }
                changeTables = rs.getBoolean("change_tables");
                projections = rs.getBoolean("projections");
                partitionSets = rs.getBoolean("partition_sets");
                replicas = rs.getBoolean("replicas");
            }
        }
        return new ServerState(
                List.of(lag, replica, lastReplay, connected, lagBytes, flushLag),
                changeTables,
                projections,
                partitionSets,
                replicas);
    }
}
