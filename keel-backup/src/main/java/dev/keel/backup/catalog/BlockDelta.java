package dev.keel.backup.catalog;

/**
 * What a block-level entry of an incremental backup stores instead of the whole file: the changed
 * blocks of one relation segment file over the same path in the parent backup (docs/guides/backup-repository.md,
 * "Block deltas"). Restore checks the delta object against these, since the combined file is not
 * byte-for-byte the file as read (see {@link BackupFile}).
 *
 * @param over the backup whose entry of the same path this delta applies over: the one the delta was
 *     taken against, which an entry borrowed by a later incremental keeps
 * @param blocks how many blocks the delta holds
 * @param size bytes of the delta object's original content
 * @param sha256 hex SHA-256 of the delta object's original content
 */
public record BlockDelta(String over, int blocks, long size, String sha256) {}
