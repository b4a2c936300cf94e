package dev.keel.backup.catalog;

/**
 * A WAL segment in the repository.
 *
 * @param partial a segment still being written when it was sent (the server's current one)
 */
public record WalSegment(int timeline, String name, boolean partial, String object, long storedSize) {}
