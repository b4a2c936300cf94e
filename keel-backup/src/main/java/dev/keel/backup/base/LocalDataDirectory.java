package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether keel runs beside the server's data directory. The path alone proves nothing: a
 * remote server and a local one can both live in /var/lib/postgresql/15/main. So the system
 * identifier in the local global/pg_control must be the one the server reports.
 */
public final class LocalDataDirectory {
    private LocalDataDirectory() {}

    public static Path require(Optional<Path> reported, String systemIdentifier, String server) {
        if (reported.isEmpty()) {
            throw remote(
                    server, "keel may not read its data_directory setting (needs superuser or pg_read_all_settings)");
        }
        Path dir = reported.get();
        Optional<String> local = systemIdentifier(dir);
        if (local.isEmpty()) {
            throw remote(server, "its data directory " + dir + " is not readable on this machine");
        }
        if (!local.get().equals(systemIdentifier)) {
            throw remote(
                    server,
                    dir + " on this machine holds another cluster (system identifier " + local.get() + ", not "
                            + systemIdentifier + ")");
        }
        return dir;
    }

    /** The system identifier in {@code dataDir/global/pg_control}: its first field, in the machine's byte order. */
    public static Optional<String> systemIdentifier(Path dataDir) {
        try (InputStream in = Files.newInputStream(dataDir.resolve("global/pg_control"))) {
            byte[] head = in.readNBytes(8);
            if (head.length < 8) {
                return Optional.empty();
            }
            return Optional.of(Long.toUnsignedString(
                    ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getLong()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static KeelException remote(String server, String why) {
        return new KeelException(
                BackupError.DATA_DIRECTORY_REMOTE,
                "keel backup copies the data directory itself, and cannot for " + server + ": " + why,
                "run keel backup on the database server as the postgres user, or back up over the replication protocol with keel backup --method"
                        + " stream (docs/guides/backups.md)");
    }
}
