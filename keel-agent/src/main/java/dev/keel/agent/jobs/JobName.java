package dev.keel.agent.jobs;

import dev.keel.agent.schedule.Schedule;
import java.time.Duration;

/**
 * The jobs keel up runs, each with its key below {@code schedule:} and the schedule a team can keep.
 *
 * @param needs what keel.yaml must set for the default schedule to be on
 * @param eager whether an interval job runs as soon as the agent leads when it has never run (a first backup and a
 *     first snapshot should not wait a week); otherwise its first run comes one interval later
 * @param repository whether the job uses the backup repository: such jobs run one at a time
 */
public enum JobName {
    SNAPSHOT("snapshot", every(Duration.ofMinutes(5)), Needs.NOTHING, true, false, "a statement statistics snapshot"),
    DOCTOR("doctor", every(Duration.ofMinutes(1)), Needs.NOTHING, true, false, "the doctor's checks"),
    WAL_STREAM(
            "walStream", new Schedule.Continuous(), Needs.REPOSITORY, true, false, "WAL streaming into the repository"),
    FULL_BACKUP("fullBackup", every(Duration.ofDays(7)), Needs.REPOSITORY, true, true, "a full backup"),
    INCREMENTAL_BACKUP(
            "incrementalBackup", every(Duration.ofDays(1)), Needs.REPOSITORY, false, true, "an incremental backup"),
    PRUNE("prune", every(Duration.ofDays(1)), Needs.RETENTION, false, true, "keel backup prune with backup.retention"),
    DRILL("drill", every(Duration.ofDays(7)), Needs.REPOSITORY, false, true, "a restore drill"),
    COMPACT_COUNTERS(
            "compactCounters",
            every(Duration.ofMinutes(1)),
            Needs.NOTHING,
            false,
            false,
            "keel projections compact, folding the counters' deltas (nothing without counters)"),
    REFRESH_PROJECTIONS(
            "refreshProjections",
            every(Duration.ofMinutes(1)),
            Needs.NOTHING,
            false,
            false,
            "keel projections refresh --due: each summary and materialized view whose own interval has passed"),
    PARTITION_MAINTENANCE(
            "partitionMaintenance",
            every(Duration.ofHours(1)),
            Needs.NOTHING,
            true,
            false,
            "keel partitions maintain (nothing when no partition set is declared)");

    /** What keel.yaml must set for a job's default schedule to apply. */
    public enum Needs {
        NOTHING,
        REPOSITORY,
        RETENTION
    }

    private final String key;
    private final Schedule standard;
    private final Needs needs;
    private final boolean eager;
    private final boolean repository;
    private final String what;

    JobName(String key, Schedule standard, Needs needs, boolean eager, boolean repository, String what) {
        this.key = key;
        this.standard = standard;
        this.needs = needs;
        this.eager = eager;
        this.repository = repository;
        this.what = what;
    }

    /** The job a schedule key names (as agent_runs stores it); null for a key this keel does not know. */
    public static JobName fromKey(String key) {
        for (JobName job : values()) {
            if (job.key.equals(key)) {
                return job;
            }
        }
        return null;
    }

    private static Schedule every(Duration interval) {
        return new Schedule.Every(interval);
    }

    /** The name in keel.yaml, logs, agent_runs and metric labels. */
    public String key() {
        return key;
    }

    /** The schedule when keel.yaml sets none and {@link #needs()} is met. */
    public Schedule standard() {
        return standard;
    }

    public Needs needs() {
        return needs;
    }

    public boolean eager() {
        return eager;
    }

    public boolean usesRepository() {
        return repository;
    }

    /** What the job does, in a few words. */
    public String what() {
        return what;
    }

    public boolean continuous() {
        return this == WAL_STREAM;
    }
}
