package dev.keel.backup.catalog;

import java.time.Instant;

/**
 * keel-repo.json: what a reader must know before it reads any object. It is plain JSON so that
 * `keel backup` can say what a repository is without a key. Tampering with it gains nothing: each
 * object records its own encryption in an authenticated header, and a changed key check only stops
 * the right key from being accepted.
 *
 * @param formatVersion the repository layout version; a newer one is refused rather than misread
 * @param repositoryId random; the encryption and check keys are derived with it
 * @param compression "zstd" or "none": what new objects get unless configured otherwise
 * @param encryption "aes-256-gcm" or "none"
 * @param keyCheck derived from the key (see EncryptionKey#checkValue); null when not encrypted
 */
public record RepositoryConfig(
        int formatVersion,
        String repositoryId,
        Instant created,
        String compression,
        int compressionLevel,
        String encryption,
        String keyCheck) {
    public static final int FORMAT_VERSION = 1;
    public static final String AES_256_GCM = "aes-256-gcm";
    public static final String NONE = "none";

    public boolean encrypted() {
        return AES_256_GCM.equals(encryption);
    }
}
