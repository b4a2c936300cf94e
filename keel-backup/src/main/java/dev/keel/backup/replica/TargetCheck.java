package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.backup.restore.TargetDirectory;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory a replica is made in: new or empty, never another cluster's. */
final class TargetCheck {
    private TargetCheck() {}

    /** Before anything is created: a file, or a directory with anything in it, is refused. */
    static void requireEmpty(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new KeelException(
                    BackupError.TARGET_DIRECTORY_UNUSABLE,
                    dir + " is a file, not a directory",
                    "choose a new or empty directory for --target-dir");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new KeelException(
                            BackupError.TARGET_DIRECTORY_UNUSABLE,
                            "target directory " + dir + " is not empty",
                            "choose a new or empty directory for --target-dir; keel replica create never writes over"
                                    + " files");
                }
            } catch (IOException e) {
                throw new KeelException(
                        BackupError.TARGET_IO_FAILED,
                        "cannot read target directory " + dir + ": " + e.getMessage(),
                        "check its permissions",
                        e);
            }
        }
    }

    /** Creates it with the permissions PostgreSQL insists on. */
    static void prepare(Path dir) {
        TargetDirectory.prepare(dir, false);
    }

    static void emptyQuietly(Path dir) {
        try (var entries = Files.list(dir)) {
            entries.forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            // the failure being reported matters more; what is left is in a directory keel named in it
        }
    }
}
