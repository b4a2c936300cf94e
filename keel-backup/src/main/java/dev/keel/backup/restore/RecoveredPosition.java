package dev.keel.backup.restore;

import java.time.OffsetDateTime;

/**
 * Where recovery stopped.
 *
 * @param lsn the last WAL record replayed
 * @param lastTransactionTime commit time of the last transaction replayed; null when recovery replayed none
 * @param timeline the timeline the promoted cluster now writes
 * @param gap the gap in the WAL recovery stopped at, when that was accepted; null otherwise
 */
public record RecoveredPosition(
        String lsn, OffsetDateTime lastTransactionTime, int timeline, String postgresVersion, WalGap gap) {

    RecoveredPosition withGap(WalGap stoppedAt) {
        return new RecoveredPosition(lsn, lastTransactionTime, timeline, postgresVersion, stoppedAt);
    }
}
