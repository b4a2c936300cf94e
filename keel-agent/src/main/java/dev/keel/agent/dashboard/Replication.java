package dev.keel.agent.dashboard;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** pg_stat_replication and pg_replication_slots, a hundred rows at most each. */
public record Replication(List<Sender> senders, List<Slot> slots) {

    /** A standby or WAL receiver; lags null when unknown (idle or on a standby). */
    public record Sender(
            String application,
            String client,
            String state,
            String syncState,
            Long lagBytes,
            Double writeLagSeconds,
            Double flushLagSeconds,
            Double replayLagSeconds) {}

    /** @param retainedBytes the WAL the slot holds back; null on a standby or for a slot never used */
    public record Slot(
            String name, String type, String database, boolean active, String walStatus, Long retainedBytes) {}

    public static Replication read(Connection c) {
        List<Sender> senders = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(SqlResources.load(Replication.class, "replication.sql", Map.of()))) {
                while (rs.next()) {
                    senders.add(new Sender(
                            rs.getString("application_name"),
                            rs.getString("client"),
                            rs.getString("state"),
                            rs.getString("sync_state"),
                            (Long) nullable(rs, "lag_bytes", rs.getLong("lag_bytes")),
                            (Double) nullable(rs, "write_lag_s", rs.getDouble("write_lag_s")),
                            (Double) nullable(rs, "flush_lag_s", rs.getDouble("flush_lag_s")),
                            (Double) nullable(rs, "replay_lag_s", rs.getDouble("replay_lag_s"))));
                }
            }
            try (ResultSet rs =
                    s.executeQuery(SqlResources.load(Replication.class, "replication-slots.sql", Map.of()))) {
                while (rs.next()) {
                    slots.add(new Slot(
                            rs.getString("slot_name"),
                            rs.getString("slot_type"),
                            rs.getString("database"),
                            rs.getBoolean("active"),
                            rs.getString("wal_status"),
                            (Long) nullable(rs, "retained_bytes", rs.getLong("retained_bytes"))));
                }
            }
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "reading pg_stat_replication and pg_replication_slots failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "grant keel up's user pg_monitor (GRANT pg_monitor TO <user>)",
                    e);
        }
        return new Replication(senders, slots);
    }

    private static Object nullable(ResultSet rs, String column, Object value) throws SQLException {
        return rs.getObject(column) == null ? null : value;
    }
}
