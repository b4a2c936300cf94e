package dev.keel.change;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** keel.yaml's changes section: how zero-downtime changes take locks and fill rows. */
public final class ChangeSection implements ConfigSection {
    /** Every query queues behind a DDL statement that waits for its lock, so the wait stays far below a request's. */
    public static final ConfigKey<Duration> LOCK_TIMEOUT = ConfigKey.duration(
                    "changes.lockTimeout",
                    Duration.ofMillis(300),
                    "how long one statement of a change (DDL or backfill batch) may wait for a lock before keel retries it")
            .requiring(
                    d -> !d.isZero(),
                    "must be above zero: without a lock timeout a waiting statement blocks every query behind it",
                    "set it to a short value such as 300ms");

    public static final ConfigKey<Integer> LOCK_RETRIES = ConfigKey.integer(
            "changes.lockRetries",
            10,
            0,
            Integer.MAX_VALUE,
            "how often a statement of a change that hit the lock timeout is retried, with jittered backoff");
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.integer(
            "changes.batchSize", 1000, 1, 1_000_000, "rows a backfill batch converts in one short transaction");
    public static final ConfigKey<Duration> BATCH_PAUSE = ConfigKey.duration(
                    "changes.batchPause",
                    Duration.ZERO,
                    "pause between backfill batches, to leave room for the application's own writes")
            .withDefault(Duration.ZERO, "0 (none)");
    public static final ConfigKey<Duration> MAX_REPLICA_LAG = ConfigKey.duration(
            "changes.maxReplicaLag",
            Duration.ofSeconds(30),
            "the backfill waits while a streaming replica replays further behind than this");

    @Override
    public String title() {
        return "Zero-downtime changes";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(LOCK_TIMEOUT, LOCK_RETRIES, BATCH_SIZE, BATCH_PAUSE, MAX_REPLICA_LAG);
    }

    @Override
    public int order() {
        return 11;
    }
}
