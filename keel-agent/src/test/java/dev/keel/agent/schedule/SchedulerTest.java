package dev.keel.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.jobs.Job;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.JobResult;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler's decisions, with a clock the test moves and runs the test lets finish one by one. */
class SchedulerTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final HeldRuns pool = new HeldRuns();
    private final List<JobName> launched = new ArrayList<>();
    private boolean otherAgentRunsIt;

    private Scheduler scheduler(Map<JobName, Schedule> schedules) {
        Map<JobName, Job> jobs = new EnumMap<>(JobName.class);
        schedules.keySet().forEach(name -> jobs.put(name, job(name)));
        Map<JobName, Schedule> all = new EnumMap<>(JobName.class);
        for (JobName name : JobName.values()) {
            all.put(name, schedules.getOrDefault(name, new Schedule.Off()));
        }
        return new Scheduler(new JobSchedules(all), jobs, this::launch, pool, clock);
    }

    private Optional<RunRecord> launch(Job job, java.util.function.Predicate<RunRecord> due) {
        launched.add(job.name());
        if (otherAgentRunsIt) {
            return Optional.empty();
        }
        return Optional.of(
                new RunRecord(job.name().key(), clock.instant(), clock.instant(), Outcome.OK, Map.of(), null));
    }

    private static Job job(JobName name) {
        return new Job() {
            @Override
            public JobName name() {
                return name;
            }

            @Override
            public JobResult run() {
                return JobResult.ok(Map.of());
            }
        };
    }

    @Test
    void nothingStartsWhileTheAgentStandsBy() {
        Scheduler scheduler = scheduler(Map.of(JobName.DOCTOR, new Schedule.Every(Duration.ofMinutes(1))));

        assertThat(scheduler.tick()).isEmpty();
        scheduler.startLeading(Map.of());
        assertThat(scheduler.tick()).containsExactly(JobName.DOCTOR);
        pool.finishAll();
        scheduler.stopLeading();
        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.tick()).isEmpty();
    }

    @Test
    void aJobStillRunningIsNotStartedAgain() {
        Scheduler scheduler = scheduler(Map.of(JobName.DOCTOR, new Schedule.Every(Duration.ofMinutes(1))));
        scheduler.startLeading(Map.of());

        assertThat(scheduler.tick()).containsExactly(JobName.DOCTOR);
        clock.advance(Duration.ofMinutes(3));
        assertThat(scheduler.tick()).isEmpty();
        assertThat(scheduler.running()).containsExactly(JobName.DOCTOR);

        pool.finishAll();
        assertThat(scheduler.running()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).containsExactly(JobName.DOCTOR);
    }

    @Test
    void jobsOfTheRepositoryRunOneAtATimeFullBackupFirst() {
        Scheduler scheduler = scheduler(Map.of(
                JobName.FULL_BACKUP, new Schedule.Every(Duration.ofDays(7)),
                JobName.INCREMENTAL_BACKUP, new Schedule.Every(Duration.ofDays(1)),
                JobName.DOCTOR, new Schedule.Every(Duration.ofMinutes(1))));
        RunRecord yesterday = new RunRecord(
                "incrementalBackup",
                clock.instant().minus(Duration.ofDays(2)),
                clock.instant().minus(Duration.ofDays(2)),
                Outcome.OK,
                Map.of(),
                null);
        scheduler.startLeading(Map.of(JobName.INCREMENTAL_BACKUP, yesterday));

        assertThat(scheduler.tick()).containsExactly(JobName.DOCTOR, JobName.FULL_BACKUP);
        assertThat(scheduler.tick()).isEmpty();
        pool.finishAll();
        assertThat(scheduler.tick()).containsExactly(JobName.INCREMENTAL_BACKUP);
    }

    @Test
    void theNewestRunFromAgentRunsSaysWhenTheTurnComes() {
        Scheduler scheduler = scheduler(Map.of(JobName.DRILL, new Schedule.Every(Duration.ofDays(7))));
        RunRecord interrupted = new RunRecord(
                "drill", clock.instant().minusSeconds(60), clock.instant(), Outcome.INTERRUPTED, Map.of(), null);

        scheduler.startLeading(Map.of(JobName.DRILL, interrupted));

        assertThat(scheduler.tick()).containsExactly(JobName.DRILL);
        pool.finishAll();
        assertThat(scheduler.lastRuns().get(JobName.DRILL).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aJobAnotherAgentRunsIsAskedAgainAfterAPauseNotEverySecond() {
        Scheduler scheduler = scheduler(Map.of(JobName.DOCTOR, new Schedule.Every(Duration.ofMinutes(1))));
        scheduler.startLeading(Map.of());
        otherAgentRunsIt = true;

        scheduler.tick();
        pool.finishAll();
        clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.tick()).isEmpty();
        clock.advance(Turns.RESTART_PAUSE);
        assertThat(scheduler.tick()).containsExactly(JobName.DOCTOR);
        assertThat(launched).hasSize(1);
    }

    @Test
    void shutdownStopsContinuousJobsAndStartsNothingMore() {
        List<JobName> stopped = new ArrayList<>();
        Map<JobName, Job> jobs = new EnumMap<>(JobName.class);
        jobs.put(JobName.WAL_STREAM, new Job() {
            @Override
            public JobName name() {
                return JobName.WAL_STREAM;
            }

            @Override
            public JobResult run() {
                return JobResult.ok(Map.of());
            }

            @Override
            public void stop() {
                stopped.add(JobName.WAL_STREAM);
            }
        });
        Map<JobName, Schedule> all = new EnumMap<>(JobName.class);
        for (JobName name : JobName.values()) {
            all.put(name, name == JobName.WAL_STREAM ? new Schedule.Continuous() : new Schedule.Off());
        }
        Scheduler scheduler = new Scheduler(new JobSchedules(all), jobs, this::launch, pool, clock);
        scheduler.startLeading(Map.of());
        assertThat(scheduler.tick()).containsExactly(JobName.WAL_STREAM);

        scheduler.stopLeading();

        assertThat(stopped).containsExactly(JobName.WAL_STREAM);
        assertThat(scheduler.tick()).isEmpty();
    }

    /** An executor whose tasks run when the test says so. */
    private static final class HeldRuns extends AbstractExecutorService {
        private final Deque<Runnable> held = new ArrayDeque<>();
        private boolean shut;

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void finishAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return new ArrayList<>(held);
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut && held.isEmpty();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return held.isEmpty();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
