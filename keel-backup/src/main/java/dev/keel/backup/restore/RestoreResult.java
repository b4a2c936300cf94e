package dev.keel.backup.restore;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What `keel restore` reports, as text or JSON.
 *
 * @param url the running cluster's URL with --start; null when it was stopped
 */
public record RestoreResult(String backupId, Instant backupStopTime, String target, String targetDir, String binDir, String recoveredLsn,
                            OffsetDateTime recoveredTime, int timeline, String postgresVersion, long bytes, boolean running, Integer port,
                            String url, long fetchMillis, long millis) {
}
