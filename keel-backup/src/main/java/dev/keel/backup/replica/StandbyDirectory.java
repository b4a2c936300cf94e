package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a data directory tells without a connection: its major version, its timeline, the port it listens on. */
final class StandbyDirectory {
    private StandbyDirectory() {}

    static int majorVersion(Path dataDir) {
        Path version = dataDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            throw new KeelException(
                    BackupError.REPLICA_NOT_STANDBY,
                    dataDir + " is not a PostgreSQL data directory (it has no PG_VERSION)",
                    "name the --target-dir a standby was made in; keel replica list shows where keel made them");
        }
        try {
            return Integer.parseInt(Files.readString(version).strip());
        } catch (IOException | NumberFormatException e) {
            throw new KeelException(
                    BackupError.REPLICA_NOT_STANDBY,
                    "cannot read the major version in " + version + ": " + e.getMessage(),
                    "check that " + dataDir + " is an intact data directory",
                    e);
        }
    }

    /** The newest timeline with a history file in pg_wal, or 1: a promotion writes the new timeline's history first. */
    static int timeline(Path dataDir) {
        int newest = 1;
        try (Stream<Path> files = Files.list(dataDir.resolve("pg_wal"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.matches("[0-9A-F]{8}\\.history")) {
                    newest = Math.max(newest, Integer.parseUnsignedInt(name.substring(0, 8), 16));
                }
            }
        } catch (IOException e) {
            return newest;
        }
        return newest;
    }

    /** The fourth line of postmaster.pid; null when the server is not running or the file is unreadable. */
    static Integer port(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() > 3 ? Integer.valueOf(lines.get(3).strip()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
