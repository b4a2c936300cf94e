package dev.keel.backup.base;

import dev.keel.backup.catalog.BackupType;
import java.time.Instant;

/** What `keel backup` reports, as text or JSON. */
public record BackupResult(String id, BackupType type, String repository, int timeline, String startLsn, String stopLsn,
                           Instant startTime, Instant stopTime, String postgresVersion, int files, long bytes, long storedBytes,
                           int walSegments, int tables, long millis) {
}
