package dev.keel.backup.replica;

import dev.keel.backup.transfer.TransferProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * @param source where the data directory comes from
 * @param backupId the backup to start from (FROM_BACKUP); null for the newest complete one
 * @param slot the physical slot on the primary; null for the default (keel_replica_ and the directory's name)
 * @param noSlot stream without a slot: the primary may then recycle WAL the standby still needs
 * @param start start the standby and wait until it streams
 * @param binDir PostgreSQL binaries the user chose, or null to look for the primary's major version
 * @param restoreCommand keel wal get for this project and repository; null when there is no repository
 * @param stateSchema keel's schema on the primary, where the replica is recorded
 * @param startLimit how long --start waits for the standby to stream
 */
public record ReplicaOptions(
        Path targetDir,
        ReplicaSource source,
        String backupId,
        String slot,
        boolean noSlot,
        boolean start,
        Path binDir,
        int parallel,
        String restoreCommand,
        String stateSchema,
        Duration startLimit,
        TransferProgress progress,
        Consumer<String> status) {}
