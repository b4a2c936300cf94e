package dev.keel.backup.catalog;

/**
 * One file of a base backup.
 *
 * @param path relative to the data directory, '/'-separated
 * @param size bytes of the original file as copied
 * @param sha256 hex SHA-256 of the original content: what restore and verify check against
 * @param object the stored object holding it; an incremental backup may point into its parent's objects
 * @param storedSize bytes of the stored (compressed, encrypted) object
 */
public record BackupFile(String path, long size, String sha256, String object, long storedSize) {
}
