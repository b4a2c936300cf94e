package dev.keel.backup.catalog;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What a running backup tells everyone else through the repository: that it runs, and which backup
 * it builds on. The backup renews it every {@link #RENEW_EVERY}; prune treats one not renewed for
 * {@link #EXPIRES_AFTER} as left by a killed backup. The margin absorbs clock differences between
 * machines and slow repositories.
 *
 * @param writer a random id of the backup run holding the lease: two runs in one process and one
 *     instant still write different leases, which reserving an id by content relies on (null in leases
 *     of keel versions before it)
 * @param parent the backup an incremental builds on, once chosen; null for a full backup or before the choice
 * @param state {@link #RUNNING}, or {@link #FAILED} when the backup gave up (prune may remove it at once)
 */
public record BackupLease(
        String backupId,
        String host,
        long pid,
        String writer,
        Instant startedAt,
        Instant renewedAt,
        String parent,
        String state) {
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";
    public static final Duration RENEW_EVERY = Duration.ofMinutes(1);
    public static final Duration EXPIRES_AFTER = Duration.ofMinutes(10);

    public boolean live(Instant now) {
        return RUNNING.equals(state) && now.isBefore(renewedAt.plus(EXPIRES_AFTER));
    }

    public BackupLease renewed(Instant now) {
        return new BackupLease(backupId, host, pid, writer, startedAt, now, parent, state);
    }

    public BackupLease withParent(String parentId) {
        return new BackupLease(backupId, host, pid, writer, startedAt, renewedAt, parentId, state);
    }

    public BackupLease failed() {
        return new BackupLease(backupId, host, pid, writer, startedAt, renewedAt, parent, FAILED);
    }

    public byte[] json() {
        return Json.write(this);
    }

    /**
     * A lease that cannot be read (caught half written where the store cannot write atomically) counts
     * as running since {@code storedAt}: removing a running backup is the worse mistake.
     */
    public static BackupLease parse(String backupId, byte[] json, Instant storedAt) {
        try {
            return Json.read(json, BackupLease.class);
        } catch (IOException | RuntimeException e) {
            return new BackupLease(backupId, "unknown", 0, null, storedAt, storedAt, null, RUNNING);
        }
    }
}
