package dev.keel.jdbc;

import net.ttddyy.dsproxy.proxy.Stopwatch;
import net.ttddyy.dsproxy.proxy.StopwatchFactory;

/**
 * Elapsed time in nanoseconds: a point query on a warm connection takes well under a millisecond,
 * which the proxy's default millisecond stopwatch would record as zero.
 */
final class NanoStopwatches implements StopwatchFactory {

    @Override
    public Stopwatch create() {
        return new Stopwatch() {
            private long start;

            @Override
            public Stopwatch start() {
                start = System.nanoTime();
                return this;
            }

            @Override
            public long getElapsedTime() {
                return System.nanoTime() - start;
            }
        };
    }
}
