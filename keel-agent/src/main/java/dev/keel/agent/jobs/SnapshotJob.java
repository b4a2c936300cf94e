package dev.keel.agent.jobs;

import dev.keel.insight.Insight;
import dev.keel.stats.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** keel stats snapshot on schedule, so keel top and the dashboard always have a window to compare. */
public final class SnapshotJob implements Job {
    private final Insight insight;

    public SnapshotJob(Insight insight) {
        this.insight = insight;
    }

    @Override
    public JobName name() {
        return JobName.SNAPSHOT;
    }

    @Override
    public JobResult run() {
        Snapshot snapshot = insight.snapshot();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("snapshot", snapshot.id());
        figures.put("statements", snapshot.statements());
        figures.put("tables", snapshot.tables());
        figures.put("indexes", snapshot.indexes());
        return JobResult.ok(figures);
    }
}
