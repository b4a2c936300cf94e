package dev.keel.testing.live;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys the load uses: rows 1..existing are there before it starts, and every insert takes the
 * next unused key, so writers on both sides never collide on a primary key.
 */
final class KeySpace {
    private final AtomicLong highest;

    KeySpace(long existing) {
        if (existing < 1) {
            throw new IllegalArgumentException("the table needs at least one row (keys 1.." + existing + ")");
        }
        this.highest = new AtomicLong(existing);
    }

    long fresh() {
        return highest.incrementAndGet();
    }

    /** Any key used so far, uniformly; its row may have been deleted since. */
    long used(Random random) {
        return 1 + (long) (random.nextDouble() * highest.get());
    }

    long highest() {
        return highest.get();
    }
}
