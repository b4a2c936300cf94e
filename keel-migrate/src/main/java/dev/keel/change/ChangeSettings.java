package dev.keel.change;

import dev.keel.config.KeelYaml;
import java.time.Duration;

/**
 * How changes take locks and fill rows; from keel.yaml's changes section or {@code Keel.configure()}.
 *
 * @param batchTime what a backfill batch should take; zero for batches of {@code batchSize} rows each
 * @param batchPausePercent the pause after a batch, as a percentage of the batch's own time
 */
public record ChangeSettings(
        Duration lockTimeout,
        int lockRetries,
        int batchSize,
        Duration batchTime,
        Duration batchPause,
        int batchPausePercent,
        Duration maxReplicaLag) {

    public static final ChangeSettings DEFAULTS = new ChangeSettings(
            ChangeSection.LOCK_TIMEOUT.defaultValue(),
            ChangeSection.LOCK_RETRIES.defaultValue(),
            ChangeSection.BATCH_SIZE.defaultValue(),
            ChangeSection.BATCH_TIME.defaultValue(),
            ChangeSection.BATCH_PAUSE.defaultValue(),
            ChangeSection.BATCH_PAUSE_PERCENT.defaultValue(),
            ChangeSection.MAX_REPLICA_LAG.defaultValue());

    /** Batches of exactly {@code batchSize} rows with a fixed pause between them, as tests that count batches want. */
    public ChangeSettings(
            Duration lockTimeout, int lockRetries, int batchSize, Duration batchPause, Duration maxReplicaLag) {
        this(lockTimeout, lockRetries, batchSize, Duration.ZERO, batchPause, 0, maxReplicaLag);
    }

    public static ChangeSettings from(KeelYaml config) {
        return new ChangeSettings(
                config.get(ChangeSection.LOCK_TIMEOUT),
                config.get(ChangeSection.LOCK_RETRIES),
                config.get(ChangeSection.BATCH_SIZE),
                config.get(ChangeSection.BATCH_TIME),
                config.get(ChangeSection.BATCH_PAUSE),
                config.get(ChangeSection.BATCH_PAUSE_PERCENT),
                config.get(ChangeSection.MAX_REPLICA_LAG));
    }

    /** Every batch {@code size} rows, sized neither by time nor paced by it. */
    public ChangeSettings withBatchSize(int size) {
        return new ChangeSettings(lockTimeout, lockRetries, size, Duration.ZERO, batchPause, 0, maxReplicaLag);
    }
}
