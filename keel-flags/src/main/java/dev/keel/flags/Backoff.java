package dev.keel.flags;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the flag client waits before it tries the database again: doubling from {@code first} up to {@code most},
 * each wait jittered down by up to a fifth, so a fleet of clients cut off together does not reconnect in lockstep.
 */
final class Backoff {
    private final long firstMillis;
    private final long mostMillis;
    private long nextMillis;

    Backoff(Duration first, Duration most) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.mostMillis = Math.max(firstMillis, most.toMillis());
        this.nextMillis = firstMillis;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the ceiling. */
    long nextDelayMillis() {
        long delay = nextMillis - ThreadLocalRandom.current().nextLong(nextMillis / 5 + 1);
        nextMillis = Math.min(mostMillis, nextMillis * 2);
        return delay;
    }

    /** After a success the next failure starts from the first wait again. */
    void reset() {
        nextMillis = firstMillis;
    }
}
