package dev.keel.backup.catalog;

/**
 * A backup found in the repository. An incomplete one has objects but no manifest: it was killed or
 * is still running, and must never be restored from.
 */
public record CatalogBackup(String id, boolean complete) {}
