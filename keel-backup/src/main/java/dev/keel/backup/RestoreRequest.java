package dev.keel.backup;

import dev.keel.backup.restore.RecoveryTarget;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A restore as {@code keel restore} takes it: {@code RestoreRequest.into(dir).to(target).backup(id).overwrite().start()}.
 *
 * @param target how far recovery replays; default latest
 * @param backupId the backup to restore; null (the default) for the newest that ended before the target
 * @param overwriting replace what the target directory holds; default false (it must be empty or new)
 * @param keepRunning leave the recovered cluster running on a free port, its URL in the result; default false (stopped)
 * @param acceptingGap recover up to a gap in the repository's WAL instead of failing, the result saying which commits
 *     are lost; default false (a gap before the target fails the restore)
 */
public record RestoreRequest(
        Path targetDir,
        RecoveryTarget target,
        String backupId,
        boolean overwriting,
        boolean keepRunning,
        boolean acceptingGap) {
    public RestoreRequest {
        Objects.requireNonNull(targetDir, "targetDir");
        Objects.requireNonNull(target, "target");
    }

    public static RestoreRequest into(Path targetDir) {
        return new RestoreRequest(targetDir, RecoveryTarget.parse("latest"), null, false, false, false);
    }

    public RestoreRequest to(RecoveryTarget recoveryTarget) {
        return new RestoreRequest(targetDir, recoveryTarget, backupId, overwriting, keepRunning, acceptingGap);
    }

    public RestoreRequest backup(String id) {
        return new RestoreRequest(targetDir, target, id, overwriting, keepRunning, acceptingGap);
    }

    public RestoreRequest overwrite() {
        return new RestoreRequest(targetDir, target, backupId, true, keepRunning, acceptingGap);
    }

    public RestoreRequest start() {
        return new RestoreRequest(targetDir, target, backupId, overwriting, true, acceptingGap);
    }

    /** Stop at a gap in the WAL rather than fail (keel restore --accept-gap). */
    public RestoreRequest acceptGap() {
        return new RestoreRequest(targetDir, target, backupId, overwriting, keepRunning, true);
    }
}
