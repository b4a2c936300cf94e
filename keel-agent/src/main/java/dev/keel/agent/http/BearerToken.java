package dev.keel.agent.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The agent.token every request must carry as {@code Authorization: Bearer <token>}. Both sides are hashed before a
 * constant-time comparison, so neither the token's characters nor its length show in how long a refusal takes.
 */
public final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    private BearerToken(byte[] expected) {
        this.expected = expected;
    }

    public static BearerToken of(String token) {
        return new BearerToken(sha256(token));
    }

    /** Whether the request's Authorization header (null when absent) carries the token. */
    public boolean accepts(String authorization) {
        String given = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()).strip()
                : "";
        return MessageDigest.isEqual(expected, sha256(given));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }
}
