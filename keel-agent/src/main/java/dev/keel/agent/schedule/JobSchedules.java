package dev.keel.agent.schedule;

import dev.keel.agent.jobs.JobName;
import dev.keel.backup.BackupSection;
import dev.keel.config.KeelYaml;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Each job's schedule in effect: keel.yaml's, else the job's standard one where what it needs is configured. */
public record JobSchedules(Map<JobName, Schedule> byJob) {

    public JobSchedules {
        byJob = Collections.unmodifiableMap(new EnumMap<>(byJob));
    }

    public static JobSchedules from(KeelYaml config) {
        Map<JobName, Schedule> schedules = new EnumMap<>(JobName.class);
        for (JobName job : JobName.values()) {
            schedules.put(
                    job,
                    config.isSet(ScheduleSection.key(job))
                            ? config.get(ScheduleSection.key(job))
                            : standard(job, config));
        }
        return new JobSchedules(schedules);
    }

    private static Schedule standard(JobName job, KeelYaml config) {
        boolean repository = config.get(BackupSection.REPOSITORY) != null;
        boolean retention = config.isSet(BackupSection.RETENTION_FULL) || config.isSet(BackupSection.RETENTION_DAYS);
        boolean met = switch (job.needs()) {
            case NOTHING -> true;
            case REPOSITORY -> repository;
            case RETENTION -> repository && retention;
        };
        return met ? job.standard() : new Schedule.Off();
    }

    public Schedule of(JobName job) {
        return byJob.get(job);
    }

    public boolean enabled(JobName job) {
        return !(of(job) instanceof Schedule.Off);
    }
}
