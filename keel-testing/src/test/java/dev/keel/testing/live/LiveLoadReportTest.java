package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each assertion fails on exactly what breaks its contract, and says what it saw. */
class LiveLoadReportTest {
    private static final DataComparison SAME = new DataComparison("backfill", "old", "new", 3, 3, null);
    private static final LockWait SHORT = lockWait(250);

    private static LockWait lockWait(long ms) {
        return new LockWait(
                "keel_live_1_old-writer-0",
                101,
                "relation",
                "RowExclusiveLock",
                "orders",
                Duration.ofMillis(ms),
                List.of(99),
                "update orders set note = $1 where id = $2",
                "start");
    }

    private static LiveLoadReport report(
            List<StatementFailure> failures, List<LockWait> waits, long samples, List<DataComparison> comparisons) {
        return new LiveLoadReport(
                List.of("start", "backfill"),
                100,
                failures.size(),
                failures,
                Map.of(),
                null,
                waits,
                samples,
                null,
                comparisons);
    }

    @Test
    void aCleanRunPassesAllThree() {
        assertThatCode(() -> report(List.of(), List.of(SHORT), 50, List.of(SAME))
                        .assertZeroDowntime(Duration.ofMillis(1000)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailedStatementFailsWithItsSqlState() {
        StatementFailure failure = new StatementFailure(
                "old",
                "old-reader-0",
                StatementKind.READ,
                "complete",
                "42703",
                "ERROR: column \"note\" does not exist");
        assertThatThrownBy(() ->
                        report(List.of(failure), List.of(), 50, List.of(SAME)).assertNoFailedStatements())
                .hasMessageStartingWith("1 application statements failed; the first: old read (old-reader-0) during"
                        + " complete: 42703 ERROR: column \"note\" does not exist");
    }

    @Test
    void aLongWaitFailsNamingTheLockAndTheBlocker() {
        assertThatThrownBy(() -> report(List.of(), List.of(lockWait(1800), SHORT), 50, List.of(SAME))
                        .assertNoLockWaitLongerThan(Duration.ofMillis(1000)))
                .hasMessageStartingWith("an application session waited longer than 1000 ms for a lock:"
                        + " keel_live_1_old-writer-0 (pid 101) waited 1800 ms for RowExclusiveLock on orders during"
                        + " start, blocked by [99]");
    }

    @Test
    void aMonitorThatTookNoSampleCannotVouch() {
        assertThatThrownBy(() -> report(List.of(), List.of(), 0, List.of(SAME))
                        .assertNoLockWaitLongerThan(Duration.ofMillis(1000)))
                .hasMessageStartingWith("the lock monitor cannot vouch for the run: it took no sample");
    }

    @Test
    void divergingOrMissingComparisonsFail() {
        DataComparison differs = new DataComparison("start", "old", "new", 3, 3, "row 2: old [2, b], new [2, null]");
        assertThatThrownBy(() ->
                        report(List.of(), List.of(), 50, List.of(SAME, differs)).assertSameData())
                .hasMessageStartingWith("the versions disagree after start, old (3 rows) and new (3 rows): row 2");
        assertThatThrownBy(() -> report(List.of(), List.of(), 50, List.of()).assertSameData())
                .hasMessageStartingWith("no comparison of the data was made");
    }
}
