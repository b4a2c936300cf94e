package dev.keel.change;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** keel.yaml's changes section: how zero-downtime changes take locks and fill rows. */
public final class ChangeSection implements ConfigSection {
    private static final int PAUSE_PERCENT_DEFAULT = 70;

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
            "changes.batchSize",
            1000,
            1,
            1_000_000,
            "rows a backfill batch converts in one short transaction: the first batch's, then every batch's when"
                    + " changes.batchTime is 0");
    /**
     * A batch holds the row locks of its rows until it commits: sized by time, it holds them about this long whatever
     * the table's rows cost, where a fixed row count is too short on narrow rows and too long on wide ones.
     */
    public static final ConfigKey<Duration> BATCH_TIME = ConfigKey.duration(
                    "changes.batchTime",
                    Duration.ofMillis(100),
                    "how long a backfill batch should take: each batch is sized from the time the one before took"
                            + " (up to 1000000 rows); 0 keeps every batch at changes.batchSize rows")
            .withDefault(Duration.ofMillis(100), "100ms");
    /** A duty cycle: the application gets the database to itself for this share of the backfill's own time. */
    public static final ConfigKey<Integer> BATCH_PAUSE_PERCENT = ConfigKey.integer(
            "changes.batchPausePercent",
            PAUSE_PERCENT_DEFAULT,
            0,
            10_000,
            "pause after each backfill batch, as a percentage of the time the batch took (100 halves the backfill's"
                    + " share of the server), on top of changes.batchPause");

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
        return List.of(
                LOCK_TIMEOUT, LOCK_RETRIES, BATCH_SIZE, BATCH_TIME, BATCH_PAUSE, BATCH_PAUSE_PERCENT, MAX_REPLICA_LAG);
    }

    @Override
    public int order() {
        return 11;
    }
}
