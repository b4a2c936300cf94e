package dev.keel.testing.live;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * The two runs every zero-downtime operation must survive, under live load from the application's
 * old and new versions: start → backfill → complete, and start → backfill → rollback. Each run
 * asserts 0 failed application statements, the same data through both versions once the backfill is
 * done, and no application statement waiting for a lock longer than lock_timeout plus a margin.
 *
 * <p>The old side runs from the beginning; the new side is launched once start has created its
 * schema. Before complete the old side is retired (complete removes its shape), before rollback the
 * new side (rollback removes its schema).
 */
public final class OperationHarness {
    /** Keel's default lock_timeout for DDL. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);
    /** What a waiting statement may lose beyond lock_timeout: sampling, scheduling, and the DDL's own brief hold. */
    public static final Duration MARGIN = Duration.ofMillis(700);

    private final String url;
    private final Random random;
    private Side oldSide;
    private Side newSide;
    private long existingRows = 1;
    private Map<String, String> compareQueries;
    private Duration lockWaitLimit = LOCK_TIMEOUT.plus(MARGIN);

    private OperationHarness(String url, Random random) {
        this.url = url;
        this.random = random;
    }

    public static OperationHarness on(String jdbcUrl, Random random) {
        return new OperationHarness(jdbcUrl, random);
    }

    /** The application version before the change; its side must be named "old". */
    public OperationHarness oldSide(Side side) {
        this.oldSide = named(side, "old");
        return this;
    }

    /** The application version after the change; its side must be named "new". */
    public OperationHarness newSide(Side side) {
        this.newSide = named(side, "new");
        return this;
    }

    public OperationHarness existingRows(long count) {
        this.existingRows = count;
        return this;
    }

    /** The same query text through both versions (usually {@code select * from t order by key}). */
    public OperationHarness compare(String query) {
        this.compareQueries = Map.of("old", query, "new", query);
        return this;
    }

    public OperationHarness compare(String oldQuery, String newQuery) {
        this.compareQueries = Map.of("old", oldQuery, "new", newQuery);
        return this;
    }

    /** lock_timeout plus margin (default 300 + 700 ms), for an operation that runs with another lock_timeout. */
    public OperationHarness lockWaitLimit(Duration limit) {
        this.lockWaitLimit = limit;
        return this;
    }

    public LiveLoadReport startThenComplete(ChangeStep start, ChangeStep backfill, ChangeStep complete) {
        LiveLoadReport report = load().step("start", start)
                .launch("new")
                .step("backfill", backfill)
                .compare(compareQueries)
                .retire("old")
                .step("complete", complete)
                .run();
        report.assertZeroDowntime(lockWaitLimit);
        return report;
    }

    public LiveLoadReport startThenRollback(ChangeStep start, ChangeStep backfill, ChangeStep rollback) {
        LiveLoadReport report = load().step("start", start)
                .launch("new")
                .step("backfill", backfill)
                .compare(compareQueries)
                .retire("new")
                .step("rollback", rollback)
                .run();
        report.assertZeroDowntime(lockWaitLimit);
        return report;
    }

    private LiveLoad load() {
        if (oldSide == null || newSide == null || compareQueries == null) {
            throw new IllegalStateException("the harness needs an old side, a new side and a comparison query");
        }
        return LiveLoad.against(url, random)
                .existingRows(existingRows)
                .side(oldSide)
                .side(newSide);
    }

    private static Side named(Side side, String name) {
        if (!side.name().equals(name)) {
            throw new IllegalArgumentException("this side must be named " + name + ", not " + side.name());
        }
        return side;
    }
}
