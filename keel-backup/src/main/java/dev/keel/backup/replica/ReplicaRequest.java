package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A replica as {@code keel replica create} takes it: {@code ReplicaRequest.into(dir).fromBackup(id).slot(name).start()}.
 *
 * @param source FROM_BACKUP or STREAM; null (the default) for FROM_BACKUP when a repository is configured and STREAM
 *     otherwise
 * @param backupId the backup to start from; null for the newest complete one
 * @param slot the slot's name; null for keel_replica_ and the directory's name
 * @param noSlot stream without a slot; default false
 * @param starting start it and wait until it streams; default false
 */
public record ReplicaRequest(
        Path targetDir, ReplicaSource source, String backupId, String slot, boolean noSlot, boolean starting) {
    public ReplicaRequest {
        Objects.requireNonNull(targetDir, "targetDir");
    }

    public static ReplicaRequest into(Path targetDir) {
        return new ReplicaRequest(targetDir, null, null, null, false, false);
    }

    /** From this backup of the repository (null: the newest complete one). */
    public ReplicaRequest fromBackup(String id) {
        requireNoOtherSource(ReplicaSource.FROM_BACKUP);
        return new ReplicaRequest(targetDir, ReplicaSource.FROM_BACKUP, id, slot, noSlot, starting);
    }

    public ReplicaRequest stream() {
        requireNoOtherSource(ReplicaSource.STREAM);
        return new ReplicaRequest(targetDir, ReplicaSource.STREAM, backupId, slot, noSlot, starting);
    }

    public ReplicaRequest slot(String name) {
        return new ReplicaRequest(targetDir, source, backupId, name, noSlot, starting);
    }

    public ReplicaRequest withoutSlot() {
        return new ReplicaRequest(targetDir, source, backupId, slot, true, starting);
    }

    public ReplicaRequest start() {
        return new ReplicaRequest(targetDir, source, backupId, slot, noSlot, true);
    }

    private void requireNoOtherSource(ReplicaSource wanted) {
        if (source != null && source != wanted) {
            throw new KeelException(
                    BackupError.REPLICA_SOURCE_CONFLICT,
                    "a replica comes from a backup (--from-backup) or from the primary's stream (--stream), not both",
                    "pass one of --from-backup and --stream");
        }
    }
}
