package dev.keel.agent.jobs;

import dev.keel.partition.PartitionMaintenance;
import dev.keel.partition.PartitionMaintenanceResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keel partitions maintain on schedule. Several agents may run it at once: each set is maintained under its own
 * advisory lock, so one does the work and the others skip the set.
 */
public final class PartitionMaintenanceJob implements Job {
    private final PartitionMaintenance maintenance;

    public PartitionMaintenanceJob(PartitionMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public JobName name() {
        return JobName.PARTITION_MAINTENANCE;
    }

    @Override
    public JobResult run() {
        PartitionMaintenanceResult result = maintenance.run(false);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sets", result.sets().size());
        figures.put("changes", result.changes());
        figures.put(
                "skipped",
                result.sets().stream().filter(s -> s.skipped() != null).count());
        figures.put("millis", result.millis());
        return JobResult.ok(figures);
    }
}
