package dev.keel.jdbc.routing;

/**
 * Recent samples of the primary's WAL position with the time each was read, so a replica's replay
 * position can be turned into a lag in time: how long ago the primary had already written WAL the
 * replica has still not replayed. Unlike {@code now() - pg_last_xact_replay_timestamp()} this stays 0
 * on an idle primary. Samples cover the last {@code capacity} moves of the primary; a longer lag reads as the oldest's age.
 */
final class LsnHistory {
    private final long[] nanos;
    private final long[] lsns;
    private int next;
    private int size;

    LsnHistory(int capacity) {
        nanos = new long[capacity];
        lsns = new long[capacity];
    }

    /** Keeps a sample only when the position moved: what matters is when the primary first got there. */
    synchronized void add(long atNanos, long lsn) {
        if (size > 0 && lsns[(next - 1 + nanos.length) % nanos.length] == lsn) {
            return;
        }
        nanos[next] = atNanos;
        lsns[next] = lsn;
        next = (next + 1) % nanos.length;
        size = Math.min(size + 1, nanos.length);
    }

    /** The primary's latest sampled position, or -1 before the first sample. */
    synchronized long latest() {
        return size == 0 ? -1 : lsns[(next - 1 + nanos.length) % nanos.length];
    }

    /**
     * Nanoseconds since the first sample that was ahead of {@code replay}; 0 when the replica has
     * replayed everything sampled. Samples are in increasing position order (the primary's WAL only grows).
     */
    synchronized long lagNanos(long replay, long now) {
        long firstAhead = -1;
        for (int i = 0; i < size; i++) {
            int index = (next - 1 - i + 2 * nanos.length) % nanos.length;
            if (lsns[index] > replay) {
                firstAhead = nanos[index];
            } else {
                break;
            }
        }
        return firstAhead < 0 ? 0 : Math.max(0, now - firstAhead);
    }
}
