package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Flat storage of named objects (a directory or an S3 bucket prefix). Writes are atomic: an object is
 * either absent or complete. Failures are {@link dev.keel.error.KeelException}s with the exit code
 * they deserve (4 for an unreachable or refusing server and for I/O, 2 for a missing bucket, 1 for a missing object);
 * failures retrying cannot cure are {@link RepositoryRefusal}s.
 */
public interface ObjectStore extends AutoCloseable {

    /** Starts writing an object; see {@link PendingObject} for when it becomes visible. */
    PendingObject create(String name);

    /** Streams an object's bytes; a missing object is an error naming it. */
    InputStream open(String name);

    /**
     * Streams {@code length} bytes of an object from {@code offset}: one file inside a bundle object.
     * Stores that can fetch a range (a seek, an HTTP Range request) override this; the default reads past the start.
     */
    default InputStream open(String name, long offset, long length) {
        InputStream in = open(name);
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "object '" + name + "' in " + describe() + " is shorter than " + offset + " bytes",
                    "run keel backup verify to list every damaged object",
                    e);
        }
        return new BoundedInputStream(in, length);
    }

    /** The object's stored size, or empty when there is no such object. */
    Optional<ObjectInfo> stat(String name);

    /** Every object whose name starts with {@code prefix}, sorted by name. */
    List<ObjectInfo> list(String prefix);

    /**
     * The distinct next name parts below {@code prefix} (which is empty or ends with '/'), sorted:
     * for "backups/" the backup ids, without listing every file of every backup.
     */
    List<String> children(String prefix);

    /**
     * Writes a small object only if no object of that name exists, atomically against every other
     * writer of this store: of two writers racing for one name exactly one gets true. Ids are reserved
     * this way (see BackupIds). An object that already holds exactly {@code content} counts as created
     * by this call (a retried write whose first reply was lost), so callers make content unique.
     *
     * @return true when this call created the object, false when one of that name was already there
     */
    boolean createIfAbsent(String name, byte[] content);

    /** Removes the object; removing a missing object is no error. */
    void delete(String name);

    /** The repository URL, for messages. */
    String describe();

    /**
     * From now on a committed object need not be durable at once, only atomically visible: a writer
     * of many objects makes them durable together with {@link #makeDurable()} before it writes the
     * object that declares them complete (a backup's manifest). Stores whose puts are durable when
     * acknowledged (S3) ignore this.
     */
    default void deferDurability() {}

    /** Makes every object committed since {@link #deferDurability()} durable, and commits durably again from now on. */
    default void makeDurable() {}

    /** When the object was stored, where the store knows it; empty for a missing object. */
    default Optional<Instant> storedAt(String name) {
        return Optional.empty();
    }

    default boolean exists(String name) {
        return stat(name).isPresent();
    }

    default void put(String name, byte[] content) {
        try (PendingObject out = create(name)) {
            out.write(content);
            out.commit();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot write object '" + name + "' to " + describe() + ": " + e.getMessage(),
                    "check that the repository is writable and has room",
                    e);
        }
    }

    default byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read object '" + name + "' from " + describe() + ": " + e.getMessage(),
                    "check that the repository is reachable and readable",
                    e);
        }
    }

    @Override
    void close();
}
