package dev.keel.backup.base;

import dev.keel.backup.catalog.BackupType;
import java.time.Instant;

/**
 * What `keel backup` reports, as text or JSON.
 *
 * @param storedBytes what this backup stored itself; an incremental one borrows the rest from its ancestors
 * @param parent the backup an incremental one builds on; null for a full backup
 * @param method how files were copied: "full", or for an incremental backup "block" (changed blocks from WAL
 *     summaries) or "file" (unchanged files found by checksum)
 */
public record BackupResult(
        String id,
        BackupType type,
        String repository,
        int timeline,
        String startLsn,
        String stopLsn,
        Instant startTime,
        Instant stopTime,
        String postgresVersion,
        int files,
        long bytes,
        long storedBytes,
        int walSegments,
        int tables,
        long millis,
        String parent,
        String method) {}
