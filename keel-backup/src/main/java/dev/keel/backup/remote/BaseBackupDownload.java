package dev.keel.backup.remote;

import dev.keel.backup.BackupError;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A copy of a server's data directory over the replication protocol, unpacked straight into a local directory: what
 * {@code keel replica create --stream} starts a standby from. The BASE_BACKUP carries the WAL from its start to its
 * end in pg_wal/, so the copy becomes consistent without any archive.
 */
public final class BaseBackupDownload {
    private static final String FILE_MODE = "rw-------";
    private static final String DIRECTORY_MODE = "rwx------";

    private BaseBackupDownload() {}

    /** @return the start and end of the backup as "LSN on timeline N", for the report */
    public static String into(
            DatabaseTarget primary, Map<String, String> env, Path dataDir, String label, TransferProgress progress) {
        ReplicationTarget target = ReplicationTarget.from(primary, env);
        try (ReplicationConnection connection = ReplicationConnection.open(target, "keel replica create")) {
            BaseBackupStream stream = new BaseBackupStream(connection.wire(), bytes -> {});
            BaseBackupStream.Start start;
            try {
                start = stream.begin(BaseBackupStream.command(label));
            } catch (IOException e) {
                throw ReplicationFailures.during("BASE_BACKUP", target, e);
            }
            for (BaseBackupStream.Tablespace tablespace : start.tablespaces()) {
                if (tablespace.oid() != null) {
                    throw new KeelException(
                            BackupError.TABLESPACES_UNSUPPORTED,
                            target.describe() + " has tablespaces (" + tablespace.location()
                                    + "), which keel replica create does not copy yet",
                            "make the standby with pg_basebackup for this cluster for now");
                }
            }
            progress.started(
                    "copying " + target.describe() + " over the replication protocol", start.estimatedBytes(), 0);
            BaseBackupStream.Position end;
            try {
                for (BaseBackupStream.Archive archive = stream.nextArchive();
                        archive != null;
                        archive = stream.nextArchive()) {
                    unpack(new TarReader(stream.data()), dataDir, progress);
                }
                end = stream.finish();
            } catch (IOException e) {
                throw ReplicationFailures.during(
                        "BASE_BACKUP", target, stream.failure() != null ? stream.failure() : e);
            }
            progress.finished();
            return start.position().lsn() + " to " + end.lsn() + " on timeline " + end.timeline();
        }
    }

    static void unpack(TarReader tar, Path dataDir, TransferProgress progress) throws IOException {
        for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
            Path path = dataDir.resolve(entry.path()).normalize();
            if (!path.startsWith(dataDir)) {
                throw new IOException("the server sent " + entry.name() + ", which lies outside the data directory");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(DIRECTORY_MODE));
            } else if (entry.isSymbolicLink()) {
                // pg_tblspc links only, and tablespaces were refused before the stream began
                throw new IOException("the server sent a symbolic link " + entry.name() + " to " + entry.linkName());
            } else {
                Files.createDirectories(path.getParent());
                try (InputStream in = tar.content();
                        OutputStream out = Files.newOutputStream(path)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                        progress.advanced(n);
                    }
                }
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(FILE_MODE));
            }
        }
    }
}
