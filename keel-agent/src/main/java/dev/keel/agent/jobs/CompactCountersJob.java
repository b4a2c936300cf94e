package dev.keel.agent.jobs;

import dev.keel.projection.CounterCompaction;
import dev.keel.projection.Projections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keel projections compact on schedule: each counter's deltas folded into its base rows, so reading a group sums a
 * few rows however busy its table. Without counters it reads one catalog row count and does nothing.
 */
public final class CompactCountersJob implements Job {
    private final Projections projections;

    public CompactCountersJob(Projections projections) {
        this.projections = projections;
    }

    @Override
    public JobName name() {
        return JobName.COMPACT_COUNTERS;
    }

    @Override
    public JobResult run() {
        Projections.CompactResult result = projections.compact(null);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("counters", result.counters().size());
        figures.put("deltasFolded", result.deltasFolded());
        figures.put(
                "skipped",
                result.counters().stream().filter(r -> r.skipped() != null).count());
        figures.put(
                "groupsWritten",
                result.counters().stream()
                        .mapToLong(CounterCompaction.Result::groupsWritten)
                        .sum());
        return JobResult.ok(figures);
    }
}
