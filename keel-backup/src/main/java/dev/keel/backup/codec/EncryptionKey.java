package dev.keel.backup.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 32-byte repository key. It is never used directly: the key that encrypts objects and the
 * check value stored in keel-repo.json are both derived from it with HMAC-SHA256 under distinct
 * labels and the repository's id, so publishing the check value tells nothing about the data key.
 */
public final class EncryptionKey {
    public static final int LENGTH = 32;
    private static final String DATA_LABEL = "keel-backup data key v1";
    private static final String CHECK_LABEL = "keel-backup key check v1";

    private final byte[] key;

    private EncryptionKey(byte[] key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException when not exactly 32 bytes (the message never shows them) */
    public static EncryptionKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a key has " + LENGTH + " bytes, not " + key.length);
        }
        return new EncryptionKey(key.clone());
    }

    public static EncryptionKey generate() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return new EncryptionKey(key);
    }

    /** The key as base64, for writing a new key file; the only way its bytes leave this class. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** The AES-256 key that encrypts the objects of the repository with this id. */
    public SecretKey dataKey(String repositoryId) {
        return new SecretKeySpec(derive(DATA_LABEL, repositoryId), "AES");
    }

    /** A value that shows whether a key is the repository's without revealing anything about it. */
    public String checkValue(String repositoryId) {
        return Base64.getEncoder().withoutPadding().encodeToString(derive(CHECK_LABEL, repositoryId));
    }

    private byte[] derive(String label, String repositoryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(repositoryId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "EncryptionKey[****]";
    }
}
