package dev.keel.backup.restore;

import dev.keel.backup.transfer.TransferProgress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * @param backupId null for the newest complete backup that fits the target
 * @param restoreCommand the shell command PostgreSQL runs to fetch WAL (keel wal get %f %p)
 * @param binDir PostgreSQL binaries the user chose, or null to look for the right major version
 * @param superuser the role the restore connects as to watch recovery
 * @param keepRunning leave the recovered cluster running (--start)
 * @param acceptGap recover up to a gap in the WAL and report what is lost, rather than fail (--accept-gap)
 */
public record RestoreOptions(
        String backupId,
        Path targetDir,
        RecoveryTarget target,
        boolean overwrite,
        boolean keepRunning,
        int parallel,
        Path binDir,
        String restoreCommand,
        String superuser,
        TransferProgress progress,
        Consumer<String> status,
        boolean acceptGap) {}
