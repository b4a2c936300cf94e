package dev.keel.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Refreshes one summary (incrementally, {@link SummaryRefresh}) or materialized view (REFRESH … CONCURRENTLY) and
 * stamps keel.projections with the time. One still initialising (its change killed before its first fill) is left
 * alone: the change's next run fills it.
 */
public final class ProjectionRefresh {

    /** @param skipped why it was not refreshed, or null */
    public record Result(String projection, String kind, int ranges, long rows, long millis, String skipped) {}

    private final ProjectionCatalog catalog;

    public ProjectionRefresh(ProjectionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether its interval has passed since its last refresh (or it was never refreshed). */
    public static boolean due(ProjectionCatalog.Entry entry, OffsetDateTime now) {
        Long every = entry.refreshSeconds();
        if (every == null) {
            return false;
        }
        return entry.lastRefreshed() == null
                || !entry.lastRefreshed().plus(Duration.ofSeconds(every)).isAfter(now);
    }

    public Result refresh(Connection c, ProjectionCatalog.Entry entry) throws SQLException {
        if (ProjectionCatalog.INITIALISING.equals(entry.state())) {
            return new Result(
                    entry.qualifiedName(), entry.kind(), 0, 0, 0, "not filled yet: its change is still starting");
        }
        long start = System.nanoTime();
        int ranges = 0;
        long rows = 0;
        c.setAutoCommit(true);
        if (ProjectionCatalog.SUMMARY.equals(entry.kind())) {
            SummaryRefresh.Result r = new SummaryRefresh(c).run(entry.summary());
            ranges = r.ranges();
            rows = r.rows();
        } else {
            try (Statement s = c.createStatement()) {
                s.execute(entry.materializedView().refresh());
            }
        }
        catalog.stamp(c, entry, "last_refreshed");
        return new Result(
                entry.qualifiedName(), entry.kind(), ranges, rows, (System.nanoTime() - start) / 1_000_000, null);
    }
}
