package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.backup.stream.ReplicationSession;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** The physical slot a standby streams through, on the primary: named, created (WAL reserved at once) and dropped. */
final class ReplicaSlot {
    private static final int NAME_LIMIT = 63;
    private static final long DROP_WAIT_NANOS = 10_000_000_000L;

    private ReplicaSlot() {}

    /** keel_replica_ and the target directory's name, made a valid slot name: one replica per directory name. */
    static String defaultName(Path targetDir) {
        String base = targetDir.getFileName() == null
                ? "data"
                : targetDir.getFileName().toString();
        String cleaned = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = "keel_replica_" + cleaned;
        return name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name;
    }

    static void requireValid(String slot) {
        if (!ReplicationSession.isValidSlotName(slot)) {
            throw new KeelException(
                    BackupError.SLOT_INVALID,
                    "'" + slot + "' is not a valid replication slot name",
                    "use lower-case letters, digits and underscores, at most 63 of them");
        }
    }

    /**
     * Creates the slot, reserving WAL from now on; true when created, false when an unused physical slot of that name
     * was there already (a replica made again into a new directory takes it over).
     */
    static boolean create(Connection c, String slot, String server) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select slot_type, active from pg_replication_slots where slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(1).equals("physical")) {
                        throw new KeelException(
                                BackupError.SLOT_INVALID,
                                "replication slot " + slot + " on " + server + " is a " + rs.getString(1) + " slot",
                                "choose another name with --slot");
                    }
                    if (rs.getBoolean(2)) {
                        throw new KeelException(
                                BackupError.SLOT_IN_USE,
                                "replication slot " + slot + " on " + server + " is in use by another standby",
                                "choose another name with --slot, or another --target-dir");
                    }
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("select pg_create_physical_replication_slot(?, true)")) {
            s.setString(1, slot);
            s.execute();
        }
        return true;
    }

    /**
     * Drops the slot; what a failed create leaves behind must not keep WAL forever. A standby just stopped may still
     * hold it for a moment, until its WAL sender notices: that moment is waited out, up to a few seconds.
     */
    static void dropQuietly(Connection c, String slot) {
        long deadline = System.nanoTime() + DROP_WAIT_NANOS;
        while (true) {
            try (PreparedStatement s =
                    c.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
                s.setString(1, slot);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    if (!rs.getBoolean(1) || System.nanoTime() - deadline > 0) {
                        try (PreparedStatement drop = c.prepareStatement("select pg_drop_replication_slot(?)")) {
                            drop.setString(1, slot);
                            drop.execute();
                        }
                        return;
                    }
                }
                pause();
            } catch (SQLException e) {
                if (System.nanoTime() - deadline > 0) {
                    // the create failed for a reason worth more than this one; list and doctor show the leftover slot
                    return;
                }
                pause();
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
