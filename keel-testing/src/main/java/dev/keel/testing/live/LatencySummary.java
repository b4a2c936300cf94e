package dev.keel.testing.live;

import java.time.Duration;
import java.util.Locale;

/** How long the statements of one side and kind took: count, median, 99th percentile, maximum. */
public record LatencySummary(long count, long p50Nanos, long p99Nanos, long maxNanos) {

    public Duration p99() {
        return Duration.ofNanos(p99Nanos);
    }

    public Duration max() {
        return Duration.ofNanos(maxNanos);
    }

    @Override
    public String toString() {
        return count + " statements, p50 " + ms(p50Nanos) + " ms, p99 " + ms(p99Nanos) + " ms, max " + ms(maxNanos)
                + " ms";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
