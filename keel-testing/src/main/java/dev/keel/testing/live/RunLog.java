package dev.keel.testing.live;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What every thread of one run reports to: the step under way, failed statements, the slowest statement. */
final class RunLog {
    /** A statement failing in a loop must not fill the memory: the count goes on, the details stop here. */
    static final int KEPT_FAILURES = 1000;

    private volatile String step = "warm-up";
    private final List<StatementFailure> failures = new ArrayList<>();
    private final AtomicLong failureCount = new AtomicLong();
    private SlowestStatement slowest;

    String step() {
        return step;
    }

    void enter(String stepName) {
        step = stepName;
    }

    void failed(String side, String thread, StatementKind kind, String during, SQLException e) {
        failureCount.incrementAndGet();
        synchronized (failures) {
            if (failures.size() < KEPT_FAILURES) {
                failures.add(
                        new StatementFailure(side, thread, kind, during, e.getSQLState(), firstLine(e.getMessage())));
            }
        }
    }

    synchronized void timed(String side, String thread, StatementKind kind, String during, long nanos, boolean failed) {
        if (slowest == null || nanos > slowest.took().toNanos()) {
            slowest = new SlowestStatement(side, thread, kind, during, Duration.ofNanos(nanos), failed);
        }
    }

    List<StatementFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    long failureCount() {
        return failureCount.get();
    }

    synchronized SlowestStatement slowest() {
        return slowest;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
