package dev.keel.ddl;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long one try may wait for its lock, and how often to try again. Waits between tries double
 * from a quarter second up to ten, each drawn at random from its upper half, so that two waiters
 * that timed out together do not come back together.
 *
 * @param retries tries after the first one
 */
public record LockRetryPolicy(Duration lockTimeout, int retries) {
    private static final long FIRST_WAIT_MS = 250;
    private static final long LONGEST_WAIT_MS = 10_000;

    public LockRetryPolicy {
        if (lockTimeout.isNegative() || retries < 0) {
            throw new IllegalArgumentException("lock timeout and retries must not be negative");
        }
    }

    public int tries() {
        return retries + 1;
    }

    /** The wait after failed try {@code attempt} (1 for the first). */
    public Duration waitAfter(int attempt, RandomGenerator random) {
        long base = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS << Math.min(Math.max(attempt, 1) - 1, 6));
        return Duration.ofMillis(base / 2 + random.nextLong(base / 2 + 1));
    }
}
