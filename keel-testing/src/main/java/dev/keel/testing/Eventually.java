package dev.keel.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way a test waits for something another thread or process does: polls until a condition
 * holds, and fails after a deadline with what it waited for and what it saw last. Never a sleep
 * that hopes the other side was quick enough, never a loop without an end.
 */
public final class Eventually {
    private static final long FIRST_PAUSE_MS = 5;
    private static final long LONGEST_PAUSE_MS = 100;

    private Eventually() {}

    /** Waits until {@code condition} holds; {@code what} names it in the failure ("the migration to retry its lock"). */
    public static void await(Duration limit, String what, BooleanSupplier condition) {
        await(limit, what, condition, () -> "not yet");
    }

    /** As above; the failure also shows what {@code seen} returns at the deadline (the other side's output, a count). */
    public static void await(Duration limit, String what, BooleanSupplier condition, Supplier<?> seen) {
        poll(limit, what, condition::getAsBoolean, done -> done, ignored -> seen.get());
    }

    /**
     * Waits until {@code done} accepts what {@code probe} returns, and returns that value; the failure
     * shows the last value seen, so a test that times out says how far the other side got.
     */
    public static <T> T await(Duration limit, String what, Supplier<T> probe, Predicate<? super T> done) {
        return poll(limit, what, probe, done, last -> last);
    }

    private static <T> T poll(
            Duration limit, String what, Supplier<T> probe, Predicate<? super T> done, Function<T, Object> seen) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            T last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(
                        "waited " + describe(limit) + " for " + what + "; last seen: " + seen.apply(last));
            }
            pause(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
