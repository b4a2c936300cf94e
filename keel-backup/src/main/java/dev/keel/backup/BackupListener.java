package dev.keel.backup;

import dev.keel.backup.stream.StreamListener;
import dev.keel.backup.transfer.TransferProgress;

/**
 * What {@link Backups} tells its caller while it works: transfer progress, one-line notes (a full backup taken
 * instead of an incremental one, recovery advancing, the RPO left unmeasured), and the WAL stream's events. Every
 * method does nothing unless overridden; {@link #SILENT} is the default.
 */
public interface BackupListener extends TransferProgress, StreamListener {

    BackupListener SILENT = new BackupListener() {};

    /** A remark for a person, as the command line prints it after {@code keel:}. */
    default void note(String line) {}

    @Override
    default void started(String what, long totalBytes, int files) {}

    @Override
    default void advanced(long bytes) {}

    @Override
    default void finished() {}
}
