package dev.keel.jdbc;

import io.micrometer.core.instrument.Timer;

/**
 * One SQL text's shape and, once used, its timers for each outcome. The timers are looked up in the
 * registry on first use only; volatile because statements of one text run on many threads.
 */
final class CachedStatement {
    private final String shape;
    private volatile Timer success;
    private volatile Timer error;

    CachedStatement(String shape) {
        this.shape = shape;
    }

    String shape() {
        return shape;
    }

    /** The timer for this outcome, or null before the first statement with it. */
    Timer timer(boolean succeeded) {
        return succeeded ? success : error;
    }

    void remember(boolean succeeded, Timer timer) {
        if (succeeded) {
            success = timer;
        } else {
            error = timer;
        }
    }
}
