package dev.keel.agent.schedule;

import dev.keel.agent.jobs.Job;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Starts each job when its turn comes, while this agent leads: never a job that is still running, and one job of the
 * backup repository at a time (a full backup first, then the incremental that builds on it). {@link #tick()} decides;
 * the agent calls it every second.
 */
public final class Scheduler {
    private final JobSchedules schedules;
    private final Map<JobName, Job> jobs;
    private final JobLauncher runner;
    private final ExecutorService pool;
    private final Clock clock;
    private final Map<JobName, RunRecord> last = Collections.synchronizedMap(new EnumMap<>(JobName.class));
    private final Set<JobName> running = Collections.synchronizedSet(EnumSet.noneOf(JobName.class));
    private final Map<JobName, Instant> notBefore = Collections.synchronizedMap(new EnumMap<>(JobName.class));
    private volatile Instant leadingSince;
    private volatile boolean stopping;

    /** Runs a job once, unless agent_runs shows another agent ran it meanwhile. */
    @FunctionalInterface
    public interface JobLauncher {
        /**
         * @param due asked, under the job's lock, of the job's newest run in agent_runs: whether its turn is still due
         * @return the job's newest run (this one, or the one that made it not due); empty when another agent runs it now
         */
        Optional<RunRecord> run(Job job, Predicate<RunRecord> due);
    }

    public Scheduler(
            JobSchedules schedules, Map<JobName, Job> jobs, JobLauncher runner, ExecutorService pool, Clock clock) {
        this.schedules = schedules;
        this.jobs = new EnumMap<>(jobs);
        this.runner = runner;
        this.pool = pool;
        this.clock = clock;
    }

    /** This agent leads from now on; {@code history} is each job's newest run from agent_runs. */
    public void startLeading(Map<JobName, RunRecord> history) {
        synchronized (last) {
            last.clear();
            last.putAll(history);
        }
        leadingSince = clock.instant();
    }

    /** This agent lost the lead: nothing new starts, and continuous jobs are asked to end. */
    public void stopLeading() {
        leadingSince = null;
        stopContinuous();
    }

    public boolean leading() {
        return leadingSince != null;
    }

    /** Starts the jobs whose turn has come; returns them. */
    public synchronized List<JobName> tick() {
        Instant since = leadingSince;
        List<JobName> started = new ArrayList<>();
        if (since == null || stopping) {
            return started;
        }
        Instant now = clock.instant();
        for (JobName name : JobName.values()) {
            Job job = jobs.get(name);
            if (job == null || running.contains(name) || repositoryBusy(name) || waiting(name, now)) {
                continue;
            }
            if (Turns.due(name, schedules.of(name), last.get(name), since, now)) {
                running.add(name);
                started.add(name);
                pool.execute(() -> run(job, since));
            }
        }
        return started;
    }

    private boolean repositoryBusy(JobName name) {
        if (!name.usesRepository()) {
            return false;
        }
        synchronized (running) {
            return running.stream().anyMatch(JobName::usesRepository);
        }
    }

    private boolean waiting(JobName name, Instant now) {
        Instant until = notBefore.get(name);
        return until != null && now.isBefore(until);
    }

    private void run(Job job, Instant since) {
        JobName name = job.name();
        try {
            Optional<RunRecord> run =
                    runner.run(job, newest -> Turns.due(name, schedules.of(name), newest, since, clock.instant()));
            if (run.isPresent()) {
                last.put(name, run.get());
            } else {
                // Another agent runs it now: ask again after a pause, not every second.
                notBefore.put(name, clock.instant().plus(Turns.RESTART_PAUSE));
            }
        } finally {
            running.remove(name);
        }
    }

    /** Each job's newest run this agent knows of. */
    public Map<JobName, RunRecord> lastRuns() {
        Map<JobName, RunRecord> copy = new EnumMap<>(JobName.class);
        synchronized (last) {
            copy.putAll(last);
        }
        return copy;
    }

    public Set<JobName> running() {
        synchronized (running) {
            return running.isEmpty() ? Set.of() : EnumSet.copyOf(running);
        }
    }

    /**
     * Starts nothing more, asks continuous jobs to end, and waits up to {@code grace} for the runs in flight.
     *
     * @return whether every run ended in time; those that did not are left to the next agent (interrupted, run again)
     */
    public boolean shutdown(Duration grace) {
        stopping = true;
        leadingSince = null;
        stopContinuous();
        pool.shutdown();
        try {
            return pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopContinuous() {
        for (JobName name : running()) {
            if (name.continuous()) {
                jobs.get(name).stop();
            }
        }
    }
}
