package dev.keel.agent.jobs;

import dev.keel.agent.schedule.JobSchedules;
import dev.keel.backup.Backups;
import dev.keel.backup.catalog.BackupType;
import dev.keel.insight.Insight;
import dev.keel.partition.PartitionMaintenance;
import dev.keel.projection.Projections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The job of each name that is on, wired to the facades that do the work. */
public final class StandardJobs {

    private StandardJobs() {}

    /**
     * @param partitions made only when partition maintenance is on
     * @param given jobs that replace the standard one of their name
     */
    public static Map<JobName, Job> of(
            JobSchedules schedules,
            Insight insight,
            Supplier<Backups> backups,
            Projections projections,
            Supplier<PartitionMaintenance> partitions,
            Map<JobName, Job> given) {
        Map<JobName, Job> jobs = new EnumMap<>(JobName.class);
        for (JobName name : JobName.values()) {
            if (schedules.enabled(name)) {
                jobs.put(
                        name,
                        given.containsKey(name)
                                ? given.get(name)
                                : standard(name, insight, backups, projections, partitions));
            }
        }
        return jobs;
    }

    private static Job standard(
            JobName name,
            Insight insight,
            Supplier<Backups> backups,
            Projections projections,
            Supplier<PartitionMaintenance> partitions) {
        return switch (name) {
            case SNAPSHOT -> new SnapshotJob(insight);
            case DOCTOR -> new DoctorJob(insight);
            case WAL_STREAM -> new WalStreamJob(backups);
            case FULL_BACKUP -> new BackupJob(backups, BackupType.FULL);
            case INCREMENTAL_BACKUP -> new BackupJob(backups, BackupType.INCREMENTAL);
            case PRUNE -> new PruneJob(backups);
            case DRILL -> new DrillJob(backups);
            case COMPACT_COUNTERS -> new CompactCountersJob(projections);
            case REFRESH_PROJECTIONS -> new RefreshProjectionsJob(projections);
            case PARTITION_MAINTENANCE -> new PartitionMaintenanceJob(partitions.get());
        };
    }
}
