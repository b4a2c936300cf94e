package dev.keel.agent;

import dev.keel.agent.jobs.JobLines;
import dev.keel.agent.jobs.JobMetrics;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.JobRunner;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.schedule.Scheduler;
import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an agent does as it starts leading, before any job: agent_runs exists, runs a killed agent left 'running' are
 * marked interrupted, and each job's newest run says when its next turn comes. Also prunes agent_runs while leading.
 */
final class LeadingTerm {
    private final ConnectionSource database;
    private final RunHistory history;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final Set<JobName> jobs;
    private final Duration keep;
    private final Consumer<String> log;
    private long begun = -1;
    private String lastProblem;
    private Instant lastPrune = Instant.MIN;

    LeadingTerm(
            ConnectionSource database,
            RunHistory history,
            JobRunner runner,
            JobMetrics metrics,
            Set<JobName> jobs,
            Duration keep,
            Consumer<String> log) {
        this.database = database;
        this.history = history;
        this.runner = runner;
        this.metrics = metrics;
        this.jobs = Set.copyOf(jobs);
        this.keep = keep;
        this.log = log;
    }

    /** Prepares the term {@code term} once; returns whether it is prepared (false: retried at the next tick). */
    boolean begin(long term, Scheduler scheduler) {
        if (begun == term) {
            return true;
        }
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            history.ensureExists(c);
            jobs.forEach(runner::sweep);
            history.lastSuccess(c).forEach(metrics::succeeded);
            scheduler.startLeading(history.latest(c));
            begun = term;
            lastProblem = null;
            return true;
        } catch (SQLException | RuntimeException e) {
            String problem = "cannot read the job history, so no job starts yet: " + JobLines.oneLine(e);
            if (!problem.equals(lastProblem)) {
                log.accept(problem);
                lastProblem = problem;
            }
            return false;
        }
    }

    /** Deletes runs older than agent.history, at most once per {@code every}. */
    void pruneEvery(Duration every) {
        Instant now = Instant.now();
        if (now.isBefore(lastPrune.plus(every))) {
            return;
        }
        lastPrune = now;
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            int removed = history.prune(c, keep);
            if (removed > 0) {
                log.accept("agent_runs: removed " + removed + " run(s) older than " + Durations.human(keep));
            }
        } catch (SQLException | RuntimeException e) {
            log.accept("agent_runs: pruning failed: " + JobLines.oneLine(e));
        }
    }
}
