package dev.keel.change;

import dev.keel.config.KeelYaml;
import java.time.Duration;

/** How changes take locks and fill rows; from keel.yaml's changes section or {@code Keel.configure()}. */
public record ChangeSettings(
        Duration lockTimeout, int lockRetries, int batchSize, Duration batchPause, Duration maxReplicaLag) {

    public static final ChangeSettings DEFAULTS = new ChangeSettings(
            ChangeSection.LOCK_TIMEOUT.defaultValue(),
            ChangeSection.LOCK_RETRIES.defaultValue(),
            ChangeSection.BATCH_SIZE.defaultValue(),
            ChangeSection.BATCH_PAUSE.defaultValue(),
            ChangeSection.MAX_REPLICA_LAG.defaultValue());

    public static ChangeSettings from(KeelYaml config) {
        return new ChangeSettings(
                config.get(ChangeSection.LOCK_TIMEOUT),
                config.get(ChangeSection.LOCK_RETRIES),
                config.get(ChangeSection.BATCH_SIZE),
                config.get(ChangeSection.BATCH_PAUSE),
                config.get(ChangeSection.MAX_REPLICA_LAG));
    }

    public ChangeSettings withBatchSize(int size) {
        return new ChangeSettings(lockTimeout, lockRetries, size, batchPause, maxReplicaLag);
    }
}
