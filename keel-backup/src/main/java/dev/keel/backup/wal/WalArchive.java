package dev.keel.backup.wal;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The repository's WAL area as archive_command and restore_command see it. Both commands are run by
 * PostgreSQL again and again, so both are safe to repeat: pushing the same segment twice succeeds,
 * and a half-fetched segment never appears under the name PostgreSQL asked for.
 */
public final class WalArchive {
    private final BackupRepository repository;

    public WalArchive(BackupRepository repository) {
        this.repository = repository;
    }

    /** @return true when stored now, false when the identical file was already there */
    public boolean push(Path file) {
        String name = file.getFileName().toString();
        if (!RepositoryLayout.isWalFileName(name)) {
            throw new KeelException(
                    BackupError.WAL_ARGUMENT_INVALID,
                    "'" + name + "' is not the name of a WAL file",
                    "pass the path PostgreSQL gives as %p in archive_command");
        }
        String object = RepositoryLayout.walFile(name);
        if (repository.store().exists(object)) {
            if (Arrays.equals(storedDigest(object, name), digestOfFile(file))) {
                return false;
            }
            // Overwriting could destroy the only good copy; PostgreSQL retries and keeps the segment meanwhile.
            throw new KeelException(
                    BackupError.WAL_CONFLICT,
                    "the repository already holds a different " + name,
                    "check whether two clusters archive into one repository; each cluster needs its own backup.repository");
        }
        try (InputStream in = Files.newInputStream(file)) {
            repository.write(object, in);
        } catch (NoSuchFileException e) {
            throw new KeelException(
                    BackupError.WAL_ARGUMENT_INVALID,
                    "there is no file " + file,
                    "pass the path PostgreSQL gives as %p in archive_command");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED,
                    "cannot read " + file + ": " + e.getMessage(),
                    "check the file's permissions",
                    e);
        }
        return true;
    }

    /** Writes the named file to {@code dest}; exit code 1 when the repository has no such file. */
    public void get(String name, Path dest) {
        if (!RepositoryLayout.isWalFileName(name)) {
            throw new KeelException(
                    BackupError.WAL_ARGUMENT_INVALID,
                    "'" + name + "' is not the name of a WAL file",
                    "pass the name PostgreSQL gives as %f in restore_command");
        }
        String object = RepositoryLayout.walFile(name);
        boolean partial = false;
        if (!repository.store().exists(object)) {
            String partialObject = RepositoryLayout.isSegmentName(name)
                    ? RepositoryLayout.walSegment(WalPosition.timeline(name), name, true)
                    : null;
            if (partialObject == null || !repository.store().exists(partialObject)) {
                // restore_command's way of saying "no more WAL": PostgreSQL expects a non-zero exit here.
                throw new KeelException(
                        BackupError.WAL_NOT_ARCHIVED,
                        "the repository holds no " + name,
                        "normal when recovery has replayed all WAL there is");
            }
            // The newest WAL keel wal stream received: recovery replays it up to where the received part ends.
            object = partialObject;
            partial = true;
        }
        Path dir = dest.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".keel-" + name, ".tmp");
            try (InputStream in = repository.read(object);
                    OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            if (partial) {
                PartialSegment.padToFullSize(temp);
            }
            try {
                Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED,
                    "cannot write " + dest + ": " + e.getMessage(),
                    "check the directory's permissions and free space",
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temp file never carries a WAL file's name
                }
            }
        }
    }

    /**
     * The stored copy's digest. A stored copy that cannot be decoded is no conflict: nobody knows what
     * it held, so keel neither compares it nor overwrites it (it may be readable with the right key).
     */
    private byte[] storedDigest(String object, String name) {
        try {
            return digest(repository.read(object), object);
        } catch (KeelException e) {
            if (e.code() != BackupError.OBJECT_DAMAGED) {
                throw e;
            }
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "the repository's copy of " + name + " in "
                            + repository.store().describe()
                            + " is damaged, so keel cannot tell whether it is this file (" + e.what() + ")",
                    "check that backup.encryption has the key the repository was written with; if it has, the stored"
                            + " copy is damaged: delete " + object + " from the repository and the next push stores"
                            + " this one (PostgreSQL keeps the segment and retries)",
                    e);
        }
    }

    private static byte[] digest(InputStream in, String what) {
        try (InputStream content = in) {
            MessageDigest sha = sha256();
            content.transferTo(new DigestOutput(sha));
            return sha.digest();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read " + what + ": " + e.getMessage(),
                    "check that the repository is reachable",
                    e);
        }
    }

    private static byte[] digestOfFile(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchFileException e) {
            throw new KeelException(
                    BackupError.WAL_ARGUMENT_INVALID,
                    "there is no file " + file,
                    "pass the path PostgreSQL gives as %p in archive_command");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED,
                    "cannot read " + file + ": " + e.getMessage(),
                    "check the file's permissions",
                    e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class DigestOutput extends OutputStream {
        private final MessageDigest sha;

        DigestOutput(MessageDigest sha) {
            this.sha = sha;
        }

        @Override
        public void write(int b) {
            sha.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
        }
    }
}
