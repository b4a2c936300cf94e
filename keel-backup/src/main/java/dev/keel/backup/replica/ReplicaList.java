package dev.keel.backup.replica;

import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keel replica list}, read on the primary: every standby connected to it (pg_stat_replication with its slot),
 * and every replica keel made that is not connected now, with the WAL its slot keeps meanwhile. The doctor and the
 * agent read the same list.
 */
public final class ReplicaList {
    public static final String DISCONNECTED = "disconnected";

    private ReplicaList() {}

    /**
     * @param excluded an application_name that is not a standby (keel wal stream's receiver); null for none
     */
    public static List<ReplicaStatus> read(Connection c, String stateSchema, String excluded) throws SQLException {
        Map<String, ReplicaRegistry.Entry> recorded = new HashMap<>();
        for (ReplicaRegistry.Entry entry : ReplicaRegistry.read(c, stateSchema)) {
            recorded.put(entry.name(), entry);
        }
        Map<String, Slot> slots = slots(c);
        List<ReplicaStatus> list = new ArrayList<>();
        Set<String> connected = new HashSet<>();
        boolean hidden = false;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(ReplicaList.class, "standbys.sql"))) {
            while (rs.next()) {
                String name = rs.getString("application_name");
                if (name == null) {
                    // a standby this role may not see: whether a recorded replica is gone cannot be told then
                    hidden = true;
                    continue;
                }
                if (name.equals(excluded)) {
                    continue;
                }
                connected.add(name);
                ReplicaRegistry.Entry entry = recorded.get(name);
                Long lagBytes = nullable(rs.getLong("lag_bytes"), rs.wasNull());
                Double lagSeconds = rs.getObject("lag_seconds", Double.class);
                if (lagSeconds == null && lagBytes != null && lagBytes == 0) {
                    // replay_lag turns NULL once the standby has replayed everything and no new WAL comes: no lag.
                    lagSeconds = 0.0;
                }
                String slotName = rs.getString("slot_name");
                Slot slot = slotName == null ? null : slots.get(slotName);
                list.add(new ReplicaStatus(
                        name,
                        rs.getString("state"),
                        rs.getString("sync_state"),
                        rs.getString("client"),
                        rs.getString("replay_lsn"),
                        lagBytes,
                        lagSeconds,
                        slotName,
                        slot == null ? null : slot.retainedBytes(),
                        entry != null,
                        entry == null ? null : entry.targetDir(),
                        entry == null ? null : entry.madeOn(),
                        entry == null ? null : entry.source()));
            }
        }
        for (ReplicaRegistry.Entry entry : recorded.values()) {
            if (hidden || connected.contains(entry.name())) {
                continue;
            }
            Slot slot = entry.slot() == null ? null : slots.get(entry.slot());
            list.add(new ReplicaStatus(
                    entry.name(),
                    DISCONNECTED,
                    null,
                    null,
                    slot == null ? null : slot.restartLsn(),
                    slot == null ? null : slot.retainedBytes(),
                    null,
                    slot == null ? null : entry.slot(),
                    slot == null ? null : slot.retainedBytes(),
                    true,
                    entry.targetDir(),
                    entry.madeOn(),
                    entry.source()));
        }
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    private record Slot(String restartLsn, Long retainedBytes) {}

    private static Map<String, Slot> slots(Connection c) throws SQLException {
        Map<String, Slot> slots = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(ReplicaList.class, "physical-slots.sql"));
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long retained = rs.getLong("retained_bytes");
                slots.put(
                        rs.getString("slot_name"),
                        new Slot(rs.getString("restart_lsn"), nullable(retained, rs.wasNull())));
            }
        }
        return slots;
    }

    private static Long nullable(long value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
