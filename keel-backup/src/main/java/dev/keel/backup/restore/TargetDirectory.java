package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Prepares the directory a restore writes into: new or empty, or emptied when the user says so. */
public final class TargetDirectory {
    private TargetDirectory() {}

    public static void prepare(Path dir, boolean overwrite) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new KeelException(
                        BackupError.TARGET_DIRECTORY_UNUSABLE,
                        dir + " is a file, not a directory",
                        "choose a directory for --target-dir");
            }
            if (Files.isDirectory(dir)) {
                List<Path> entries;
                try (var list = Files.list(dir)) {
                    entries = list.toList();
                }
                if (!entries.isEmpty()) {
                    if (!overwrite) {
                        throw new KeelException(
                                BackupError.TARGET_DIRECTORY_UNUSABLE,
                                "target directory " + dir + " is not empty",
                                "choose an empty or new directory, or pass --overwrite to replace what it holds");
                    }
                    refuseRunningServer(dir);
                    for (Path entry : entries) {
                        FileTrees.deleteQuietly(entry);
                        Files.deleteIfExists(entry);
                    }
                }
            }
            Files.createDirectories(dir);
            // PostgreSQL refuses a data directory that others can read.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot prepare target directory " + dir + ": " + e.getMessage(),
                    "check its permissions and free space",
                    e);
        }
    }

    private static void refuseRunningServer(Path dir) throws IOException {
        Path pid = dir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        List<String> lines = Files.readAllLines(pid);
        if (!lines.isEmpty()
                && lines.get(0).strip().matches("\\d+")
                && ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                        .map(ProcessHandle::isAlive)
                        .orElse(false)) {
            throw new KeelException(
                    BackupError.TARGET_DIRECTORY_UNUSABLE,
                    "a PostgreSQL server is running in " + dir,
                    "stop it before restoring over it");
        }
    }
}
