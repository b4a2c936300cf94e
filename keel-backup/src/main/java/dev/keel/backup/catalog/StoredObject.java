package dev.keel.backup.catalog;

/**
 * What writing one object produced.
 *
 * @param size bytes of the original content
 * @param sha256 hex SHA-256 of the original content
 * @param storedSize bytes as stored
 */
public record StoredObject(String name, long size, String sha256, long storedSize) {}
