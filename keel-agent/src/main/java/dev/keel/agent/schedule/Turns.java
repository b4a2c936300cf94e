package dev.keel.agent.schedule;

import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * When a job's turn comes, from its schedule and its last run; a pure function of the times it is given, so the rules
 * are tested without waiting.
 */
public final class Turns {
    /** A failed run is tried again this soon (or at its next turn, when sooner): a weekly backup must not wait a week. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    /** A continuous job that ended waits this long before it starts again. */
    public static final Duration RESTART_PAUSE = Duration.ofSeconds(10);
    /**
     * A continuous job that failed waits longer: WAL streaming rides out lost connections itself, so its failures are
     * ones a person must fix (no slot, a refused repository), and a line every 10 s would bury the rest of the log.
     */
    public static final Duration FAILED_RESTART_PAUSE = Duration.ofMinutes(1);

    private Turns() {}

    /**
     * @param last the job's newest run, from agent_runs; null when it never ran
     * @param leadingSince when this agent started leading: a job that never ran counts its first turn from there
     */
    public static boolean due(JobName job, Schedule schedule, RunRecord last, Instant leadingSince, Instant now) {
        if (schedule instanceof Schedule.Off) {
            return false;
        }
        if (schedule instanceof Schedule.Continuous) {
            return last == null
                    || last.finished() == null
                    || !now.isBefore(last.finished().plus(RESTART_PAUSE));
        }
        if (last == null) {
            Instant first = job.eager() && schedule instanceof Schedule.Every
                    ? leadingSince
                    : schedule.next(leadingSince).orElse(Instant.MAX);
            return !now.isBefore(first);
        }
        if (last.outcome() == Outcome.INTERRUPTED) {
            return true;
        }
        Instant next = schedule.next(last.started()).orElse(Instant.MAX);
        if (last.outcome() == Outcome.FAILED && last.finished() != null) {
            Instant retry = last.finished().plus(RETRY_AFTER);
            next = retry.isBefore(next) ? retry : next;
        }
        return !now.isBefore(next);
    }
}
