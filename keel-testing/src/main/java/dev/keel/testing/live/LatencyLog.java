package dev.keel.testing.live;

import java.util.Arrays;

/** Every latency one thread measured for one kind of statement, in nanoseconds; read after the thread ended. */
final class LatencyLog {
    private long[] nanos = new long[1024];
    private int size;

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    int size() {
        return size;
    }

    /** The nearest-rank percentiles and maximum over these logs together. */
    static LatencySummary summarize(Iterable<LatencyLog> logs) {
        int total = 0;
        for (LatencyLog log : logs) {
            total += log.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.nanos, 0, all, at, log.size);
            at += log.size;
        }
        Arrays.sort(all);
        return new LatencySummary(total, rank(all, 0.50), rank(all, 0.99), total == 0 ? 0 : all[total - 1]);
    }

    static long rank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
