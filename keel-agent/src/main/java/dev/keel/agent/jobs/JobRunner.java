package dev.keel.agent.jobs;

import dev.keel.agent.lead.AdvisoryLock;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs one job once: under the job's advisory lock (so no two agents run it at once, even an old leader that still
 * finishes a run), recorded in agent_runs, counted in the metrics and told in one log line.
 */
public final class JobRunner {
    private final ConnectionSource database;
    private final RunHistory history;
    private final JobMetrics metrics;
    private final String agent;
    private final Clock clock;
    private final Consumer<String> log;

    public JobRunner(
            ConnectionSource database,
            RunHistory history,
            JobMetrics metrics,
            String agent,
            Clock clock,
            Consumer<String> log) {
        this.database = database;
        this.history = history;
        this.metrics = metrics;
        this.agent = agent;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Runs the job unless, under its lock, its newest run in agent_runs shows it is not {@code due} any more (another
     * agent ran it meanwhile).
     *
     * @return the job's newest run: this one, or the one that made it not due; empty when another agent runs it now
     */
    public Optional<RunRecord> run(Job job, Predicate<RunRecord> due) {
        JobName name = job.name();
        Instant started = clock.instant();
        Connection c;
        try {
            c = database.open();
        } catch (RuntimeException e) {
            return Optional.of(ended(name, failed(name, started, e)));
        }
        try (c) {
            c.setAutoCommit(true);
            if (!AdvisoryLock.tryLock(c, AdvisoryLock.job(history.schema(), name.key()))) {
                log.accept("job " + name.key() + " skipped: it is still running on another agent");
                return Optional.empty();
            }
            history.interruptStale(c, name);
            Optional<RunRecord> newest = history.latest(c, name);
            if (newest.isPresent() && !due.test(newest.get())) {
                return newest;
            }
            long id = history.start(c, name, started, agent);
            RunRecord run = execute(job, started);
            record(c, id, run);
            return Optional.of(ended(name, run));
        } catch (SQLException | RuntimeException e) {
            return Optional.of(ended(name, failed(name, started, e)));
        }
    }

    /** Marks the runs a killed agent left 'running' as interrupted, unless an agent still runs the job. */
    public void sweep(JobName name) {
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            String lock = AdvisoryLock.job(history.schema(), name.key());
            if (AdvisoryLock.tryLock(c, lock)) {
                int interrupted = history.interruptStale(c, name);
                AdvisoryLock.unlock(c, lock);
                if (interrupted > 0) {
                    log.accept("job " + name.key() + ": marked " + interrupted
                            + " run(s) of a stopped agent interrupted; its next turn runs it again");
                }
            }
        } catch (SQLException e) {
            log.accept("job " + name.key() + ": cannot check for interrupted runs: " + JobLines.oneLine(e));
        }
    }

    private RunRecord execute(Job job, Instant started) {
        String key = job.name().key();
        try {
            JobResult result = job.run();
            return new RunRecord(
                    key,
                    started,
                    clock.instant(),
                    result.problem() == null ? Outcome.OK : Outcome.FAILED,
                    result.figures(),
                    result.problem());
        } catch (Exception e) {
            return failed(job.name(), started, e);
        }
    }

    /** On the lock's connection; when that broke during a long run, on a new one (the row stays 'running' otherwise). */
    private void record(Connection c, long id, RunRecord run) {
        try {
            history.finish(c, id, run);
        } catch (KeelException first) {
            try (Connection again = database.open()) {
                history.finish(again, id, run);
            } catch (SQLException | RuntimeException e) {
                log.accept(
                        "job " + run.job() + ": cannot record the run's end, so the next turn counts it interrupted: "
                                + JobLines.oneLine(e));
            }
        }
    }

    private RunRecord failed(JobName name, Instant started, Exception e) {
        return new RunRecord(name.key(), started, clock.instant(), Outcome.FAILED, Map.of(), JobLines.oneLine(e));
    }

    private RunRecord ended(JobName name, RunRecord run) {
        metrics.record(name, run);
        log.accept(JobLines.describe(run));
        return run;
    }
}
