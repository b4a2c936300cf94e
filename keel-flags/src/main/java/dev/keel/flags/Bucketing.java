package dev.keel.flags;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Puts a subject into one of 10,000 buckets per flag. A subject is enabled when its bucket lies below the rollout's
 * basis points, so raising the percentage only adds subjects: nobody who had the feature loses it. The bucket comes
 * from SHA-256 of the flag name and the subject, so every JVM (and any other language) computes the same one, and
 * a subject's buckets under two flags are independent: the first 10 % of one flag is not the first 10 % of all.
 */
public final class Bucketing {
    public static final int BUCKETS = Rollout.ALL;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bucketing::sha256);

    private Bucketing() {}

    /** The subject's bucket under this flag, 0 to 9999. */
    public static int bucket(String flag, String subject) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        digest.update(flag.getBytes(StandardCharsets.UTF_8));
        // A separator no flag name holds, so ("ab", "c") and ("a", "bc") differ.
        digest.update((byte) 0);
        byte[] hash = digest.digest(subject.getBytes(StandardCharsets.UTF_8));
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), BUCKETS);
    }

    /** Whether the rollout covers the subject's bucket. */
    public static boolean covers(Rollout rollout, String flag, String subject) {
        return rollout.on() || (!rollout.off() && bucket(flag, subject) < rollout.basisPoints());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
