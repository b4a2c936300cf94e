package dev.keel.testing.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a live load saw: failed application statements, latencies by side and kind, the slowest
 * statement, the longest lock waits of application sessions, and every comparison of the data. The
 * assertions name what broke the contract of a zero-downtime change.
 */
public record LiveLoadReport(
        List<String> steps,
        long statements,
        long failureCount,
        List<StatementFailure> failures,
        Map<String, LatencySummary> latencies,
        SlowestStatement slowest,
        List<LockWait> lockWaits,
        long lockSamples,
        String monitorError,
        List<DataComparison> comparisons) {

    public Optional<LockWait> longestLockWait() {
        return lockWaits.isEmpty() ? Optional.empty() : Optional.of(lockWaits.get(0));
    }

    public void assertNoFailedStatements() {
        if (failureCount > 0) {
            throw new AssertionError(failureCount + " application statements failed; the first: "
                    + String.join(
                            "; ",
                            failures.stream().limit(5).map(Object::toString).toList()) + "\n" + this);
        }
    }

    /** Every comparison agreed row for row, and there was at least one. */
    public void assertSameData() {
        if (comparisons.isEmpty()) {
            throw new AssertionError("no comparison of the data was made: add compare(…) to the plan\n" + this);
        }
        for (DataComparison c : comparisons) {
            if (!c.same()) {
                throw new AssertionError("the versions disagree " + c + "\n" + this);
            }
        }
    }

    /** No application session waited for any one lock longer than {@code limit} (lock_timeout plus a margin). */
    public void assertNoLockWaitLongerThan(Duration limit) {
        if (monitorError != null || lockSamples == 0) {
            throw new AssertionError("the lock monitor cannot vouch for the run: "
                    + (monitorError != null ? monitorError : "it took no sample") + "\n" + this);
        }
        longestLockWait().filter(w -> w.waited().compareTo(limit) > 0).ifPresent(w -> {
            throw new AssertionError("an application session waited longer than " + limit.toMillis()
                    + " ms for a lock: " + w + "\n" + this);
        });
    }

    /** All three contracts of a live change. */
    public void assertZeroDowntime(Duration lockWaitLimit) {
        assertNoFailedStatements();
        assertSameData();
        assertNoLockWaitLongerThan(lockWaitLimit);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("live load through ")
                .append(String.join(" → ", steps))
                .append(": ")
                .append(statements)
                .append(" statements, ")
                .append(failureCount)
                .append(" failed\n");
        latencies.forEach((what, summary) ->
                text.append("  ").append(what).append(": ").append(summary).append('\n'));
        text.append("  slowest statement: ")
                .append(slowest == null ? "none" : slowest)
                .append('\n');
        text.append("  longest lock wait (")
                .append(lockSamples)
                .append(" samples): ")
                .append(longestLockWait().map(Object::toString).orElse("none"))
                .append('\n');
        comparisons.forEach(c -> text.append("  compared ").append(c).append('\n'));
        return text.toString();
    }
}
