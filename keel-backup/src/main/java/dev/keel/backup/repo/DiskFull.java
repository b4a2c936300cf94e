package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;

/** Recognises a full disk behind an I/O failure, so the user reads "disk full" rather than an errno text deep in a message. */
public final class DiskFull {

    private DiskFull() {}

    public static boolean causedIt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** @param where the repository or directory, as the user knows it */
    public static KeelException error(String object, String where, Throwable cause) {
        return new KeelException(
                BackupError.DISK_FULL,
                "the disk under " + where + " is full: cannot write '" + object + "'",
                "free space there or remove old backups (keel backup prune), then run the command again; earlier backups are intact",
                cause);
    }
}
