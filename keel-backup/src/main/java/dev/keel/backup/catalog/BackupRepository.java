package dev.keel.backup.catalog;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupSettings;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.codec.KeySource;
import dev.keel.backup.codec.ObjectCodec;
import dev.keel.backup.repo.DiskFull;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.repo.ObjectStores;
import dev.keel.backup.repo.PendingObject;
import dev.keel.backup.repo.RepositoryUrl;
import dev.keel.backup.transfer.StreamCopy;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A backup repository: an object store plus how its objects are encoded. Everything a later step
 * stores (files, WAL, manifests, drill results) goes through {@link #write} and {@link #read}, so
 * all of it is compressed, checked and, with a key, encrypted the same way.
 */
public final class BackupRepository implements AutoCloseable {
    private final ObjectStore store;
    private final RepositoryConfig config;
    private final ObjectCodec codec;

    private BackupRepository(ObjectStore store, RepositoryConfig config, ObjectCodec codec) {
        this.store = store;
        this.config = config;
        this.codec = codec;
    }

    /** Creates the repository that keel.yaml (or its KEEL_* overrides) names; encrypted when a key is configured. */
    public static BackupRepository create(BackupSettings settings, Map<String, String> env, Clock clock) {
        ObjectStore store = ObjectStores.open(RepositoryUrl.parse(settings.repository()), settings.s3(), env);
        return create(
                store,
                settings.compressionLevel(),
                KeySource.load(settings, env).orElse(null),
                clock);
    }

    public static BackupRepository open(BackupSettings settings, Map<String, String> env) {
        ObjectStore store = ObjectStores.open(RepositoryUrl.parse(settings.repository()), settings.s3(), env);
        return open(
                store,
                settings.compressionLevel(),
                KeySource.load(settings, env).orElse(null));
    }

    /** @param key null for an unencrypted repository */
    public static BackupRepository create(ObjectStore store, int compressionLevel, EncryptionKey key, Clock clock) {
        if (store.exists(RepositoryLayout.CONFIG)) {
            throw new KeelException(
                    BackupError.REPOSITORY_EXISTS,
                    "a backup repository already exists at " + store.describe(),
                    "use it as it is, or choose another backup.repository");
        }
        if (!store.list("").isEmpty()) {
            throw new KeelException(
                    BackupError.REPOSITORY_EXISTS,
                    store.describe() + " is not empty and holds no backup repository",
                    "choose an empty directory or bucket prefix for backup.repository");
        }
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String repositoryId = HexFormat.of().formatHex(id);
        RepositoryConfig config = new RepositoryConfig(
                RepositoryConfig.FORMAT_VERSION,
                repositoryId,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                compressionLevel > 0 ? "zstd" : RepositoryConfig.NONE,
                compressionLevel,
                key != null ? RepositoryConfig.AES_256_GCM : RepositoryConfig.NONE,
                key != null ? key.checkValue(repositoryId) : null);
        store.put(RepositoryLayout.CONFIG, Json.write(config));
        return new BackupRepository(
                store, config, new ObjectCodec(compressionLevel, key == null ? null : key.dataKey(repositoryId)));
    }

    /** @param key null when none is configured; required for an encrypted repository, ignored otherwise */
    public static BackupRepository open(ObjectStore store, int compressionLevel, EncryptionKey key) {
        RepositoryConfig config = readConfig(store);
        if (!config.encrypted()) {
            return new BackupRepository(store, config, new ObjectCodec(compressionLevel, null));
        }
        if (key == null) {
            throw new KeelException(
                    BackupError.KEY_MISSING,
                    "backup repository " + store.describe() + " is encrypted and no key is configured",
                    "set " + KeySource.ENV + " or backup.encryption.keyFile to the key it was created with");
        }
        if (!MessageDigest.isEqual(
                key.checkValue(config.repositoryId()).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(config.keyCheck()).getBytes(StandardCharsets.US_ASCII))) {
            throw new KeelException(
                    BackupError.KEY_WRONG,
                    "the configured key is not the key of backup repository " + store.describe(),
                    "set " + KeySource.ENV + " or backup.encryption.keyFile to the key it was created with");
        }
        return new BackupRepository(
                store, config, new ObjectCodec(compressionLevel, key.dataKey(config.repositoryId())));
    }

    private static RepositoryConfig readConfig(ObjectStore store) {
        if (!store.exists(RepositoryLayout.CONFIG)) {
            throw new KeelException(
                    BackupError.REPOSITORY_MISSING,
                    "there is no keel backup repository at " + store.describe(),
                    "create one with keel backup init, or correct backup.repository");
        }
        RepositoryConfig config;
        try {
            config = Json.read(store.read(RepositoryLayout.CONFIG), RepositoryConfig.class);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    RepositoryLayout.CONFIG + " in " + store.describe() + " is damaged: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "restore it from a copy; without it the repository's settings are unknown");
        }
        if (config.formatVersion() > RepositoryConfig.FORMAT_VERSION) {
            throw new KeelException(
                    BackupError.REPOSITORY_TOO_NEW,
                    "backup repository " + store.describe() + " has format version " + config.formatVersion()
                            + "; this keel reads up to " + RepositoryConfig.FORMAT_VERSION,
                    "upgrade keel");
        }
        return config;
    }

    public RepositoryConfig config() {
        return config;
    }

    public ObjectStore store() {
        return store;
    }

    public Catalog catalog() {
        return new Catalog(this);
    }

    /** Encodes and stores {@code content} under {@code name}; the object appears whole or not at all. */
    public StoredObject write(String name, InputStream content) {
        return write(name, content, 0);
    }

    /** @param expectedSize the content's size as far as the caller knows it (0: unknown); large content copies on two threads */
    public StoredObject write(String name, InputStream content, long expectedSize) {
        MessageDigest sha256 = sha256();
        try (PendingObject pending = store.create(name)) {
            CountingOutputStream stored = new CountingOutputStream(pending);
            long size;
            try (OutputStream encoded = codec.encoder(stored)) {
                size = StreamCopy.copy(new DigestInputStream(content, sha256), encoded, expectedSize);
            }
            pending.commit();
            return new StoredObject(name, size, HexFormat.of().formatHex(sha256.digest()), stored.count());
        } catch (IOException e) {
            if (DiskFull.causedIt(e)) {
                throw DiskFull.error(name, store.describe(), e);
            }
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot store object '" + name + "' in " + store.describe() + ": " + e.getMessage(),
                    "check that the repository is writable and has room, and that the source is readable",
                    e);
        }
    }

    /** The original content of an object, checked while it streams. */
    public InputStream read(String name) {
        InputStream raw = store.open(name);
        try {
            return codec.decoder(name, raw);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read object '" + name + "' from " + store.describe() + ": " + e.getMessage(),
                    "check that the repository is reachable",
                    e);
        }
    }

    /** The original content of one backup file, alone in its object or one entry of a bundle, checked while it streams. */
    public InputStream read(BackupFile file) {
        if (!file.bundled()) {
            return read(file.object());
        }
        return decoded(file.location(), store.open(file.object(), file.offset(), file.storedSize()));
    }

    /** Starts a bundle object: many small files, each encoded on its own, written as one object. */
    public BundleWriter bundle(String name) {
        return new BundleWriter(name, store, codec);
    }

    ObjectCodec codec() {
        return codec;
    }

    /** Decodes one entry of a bundle that is already streaming; {@code raw} holds exactly its stored bytes. */
    InputStream decoded(String name, InputStream raw) {
        try {
            return codec.decoder(name, raw);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read object '" + name + "' from " + store.describe() + ": " + e.getMessage(),
                    "check that the repository is reachable",
                    e);
        }
    }

    byte[] readAll(String name) {
        try (InputStream in = read(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read object '" + name + "' from " + store.describe() + ": " + e.getMessage(),
                    "check that the repository is reachable",
                    e);
        }
    }

    /**
     * Stores a manifest, which marks its backup complete: call it only after every file object is
     * committed. An existing manifest is never replaced.
     */
    public void writeManifest(BackupManifest manifest) {
        String name = RepositoryLayout.manifest(manifest.id());
        if (store.exists(name)) {
            throw new KeelException(
                    BackupError.BACKUP_ID_TAKEN,
                    "backup " + manifest.id() + " already has a manifest in " + store.describe(),
                    "every backup needs a new id");
        }
        write(name, new ByteArrayInputStream(Json.writeCompact(manifest)));
    }

    public Optional<BackupManifest> readManifest(String backupId) {
        String name = RepositoryLayout.manifest(backupId);
        if (!store.exists(name)) {
            return Optional.empty();
        }
        BackupManifest manifest = document(name, BackupManifest.class);
        if (manifest.formatVersion() > BackupManifest.FORMAT_VERSION) {
            throw new KeelException(
                    BackupError.REPOSITORY_TOO_NEW,
                    "backup " + backupId + " in " + store.describe() + " has manifest format version "
                            + manifest.formatVersion() + "; this keel reads up to " + BackupManifest.FORMAT_VERSION,
                    "upgrade keel");
        }
        return Optional.of(manifest);
    }

    public void writeDrill(DrillRecord drill) {
        write(RepositoryLayout.drill(drill.id()), new ByteArrayInputStream(Json.write(drill)));
    }

    public DrillRecord readDrill(String drillId) {
        return document(RepositoryLayout.drill(drillId), DrillRecord.class);
    }

    private <T> T document(String name, Class<T> type) {
        try {
            return Json.read(readAll(name), type);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "object '" + name + "' in " + store.describe() + " is not a valid " + type.getSimpleName() + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "restore it from another copy");
        }
    }

    @Override
    public void close() {
        store.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
