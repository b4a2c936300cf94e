package dev.keel.agent.jobs;

import dev.keel.projection.ProjectionRefresh;
import dev.keel.projection.Projections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keel projections refresh --due on schedule: every summary and materialized view whose own refresh interval has
 * passed. The job runs every minute; each projection's interval, declared in its change file, decides whether it is
 * refreshed this time. Without any it reads one catalog row count and does nothing.
 */
public final class RefreshProjectionsJob implements Job {
    private final Projections projections;

    public RefreshProjectionsJob(Projections projections) {
        this.projections = projections;
    }

    @Override
    public JobName name() {
        return JobName.REFRESH_PROJECTIONS;
    }

    @Override
    public JobResult run() {
        Projections.RefreshResult result = projections.refresh(null, true);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(
                "refreshed",
                result.refreshed().stream().filter(r -> r.skipped() == null).count());
        figures.put(
                "skipped",
                result.refreshed().stream().filter(r -> r.skipped() != null).count());
        figures.put(
                "summaryRows",
                result.refreshed().stream()
                        .mapToLong(ProjectionRefresh.Result::rows)
                        .sum());
        return JobResult.ok(figures);
    }
}
