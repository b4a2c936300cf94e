package dev.keel.backup.restore;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What `keel restore` reports, as text or JSON.
 *
 * @param url the running cluster's URL with --start; null when it was stopped
 * @param targetReached whether recovery reached the target it was asked for; false only when --accept-gap let it stop at a gap
 * @param gap where recovery stopped at a gap in the WAL, which --accept-gap allowed; null when it reached its target
 */
public record RestoreResult(
        String backupId,
        Instant backupStopTime,
        String target,
        String targetDir,
        String binDir,
        String recoveredLsn,
        OffsetDateTime recoveredTime,
        int timeline,
        String postgresVersion,
        long bytes,
        boolean running,
        Integer port,
        String url,
        long fetchMillis,
        long millis,
        boolean targetReached,
        WalGap gap) {}
