package dev.keel.change;

import java.time.Duration;

/**
 * Sizes backfill batches to take about a target time: a batch holds its rows' locks until it commits, so its time,
 * not its row count, is what an application writing those rows waits for. Each batch is sized from the rate of the
 * one before; growth is at most double per batch (a fast batch may have been lucky), shrinking is immediate.
 */
final class BatchSizer {
    static final int MAX = 1_000_000;

    private final long targetNanos;
    private int size;

    /** @param target zero keeps every batch at {@code first} rows */
    BatchSizer(int first, Duration target) {
        this.size = Math.max(1, Math.min(first, MAX));
        this.targetNanos = target.toNanos();
    }

    int size() {
        return size;
    }

    /** Learns from a batch of {@code rows} rows (asked {@link #size()}) that took {@code nanos}. */
    void took(long rows, long nanos) {
        if (targetNanos <= 0 || rows < size) {
            // The last, short batch says nothing about the rate.
            return;
        }
        double ideal = (double) size * targetNanos / Math.max(nanos, 1);
        long next = Math.round(Math.min(ideal, 2.0 * size));
        size = (int) Math.max(1, Math.min(next, MAX));
    }
}
