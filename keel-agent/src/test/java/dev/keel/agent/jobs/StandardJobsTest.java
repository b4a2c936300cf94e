package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.schedule.JobSchedules;
import dev.keel.agent.schedule.Schedule;
import dev.keel.insight.Insight;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardJobsTest {

    @Test
    void onlyJobsThatAreOnAreMadeAndAGivenJobReplacesTheStandardOne() {
        Map<JobName, Schedule> schedules = new EnumMap<>(JobName.class);
        for (JobName name : JobName.values()) {
            schedules.put(name, new Schedule.Off());
        }
        schedules.put(JobName.DOCTOR, new Schedule.Every(Duration.ofMinutes(1)));
        schedules.put(JobName.FULL_BACKUP, new Schedule.Every(Duration.ofDays(7)));
        Job mine = new Job() {
            @Override
            public JobName name() {
                return JobName.FULL_BACKUP;
            }

            @Override
            public JobResult run() {
                return JobResult.ok(Map.of());
            }
        };
        Insight insight = Insight.configure()
                .url("jdbc:postgresql://127.0.0.1:1/none", "u", null)
                .load();

        Map<JobName, Job> jobs = StandardJobs.of(
                new JobSchedules(schedules), insight, () -> null, null, () -> null, Map.of(JobName.FULL_BACKUP, mine));

        assertThat(jobs).containsOnlyKeys(JobName.DOCTOR, JobName.FULL_BACKUP);
        assertThat(jobs.get(JobName.DOCTOR)).isInstanceOf(DoctorJob.class);
        assertThat(jobs.get(JobName.FULL_BACKUP)).isSameAs(mine);
    }
}
