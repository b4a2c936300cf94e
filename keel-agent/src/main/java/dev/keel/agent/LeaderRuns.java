package dev.keel.agent;

import dev.keel.agent.jobs.JobLines;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Each job's newest run as agent_runs holds it, for a standby's /health: the standby runs no job, so what it knows of
 * runs is the leader's history. Read on a read-only session, at most once per {@link #MAX_AGE} however often a probe
 * asks; when the database cannot be read, the runs last read stay (and the failure is logged once).
 */
final class LeaderRuns {
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final ConnectionSource connections;
    private final RunHistory history;
    private final Clock clock;
    private final Consumer<String> log;
    private List<RunRecord> runs = List.of();
    private Instant readAt;
    private String lastProblem;

    /** @param connections read-only ones */
    LeaderRuns(ConnectionSource connections, RunHistory history, Clock clock, Consumer<String> log) {
        this.connections = connections;
        this.history = history;
        this.clock = clock;
        this.log = log;
    }

    synchronized List<RunRecord> get() {
        Instant now = clock.instant();
        if (readAt != null && Duration.between(readAt, now).compareTo(MAX_AGE) < 0) {
            return runs;
        }
        readAt = now;
        try (Connection c = connections.open()) {
            runs = history.exists(c) ? List.copyOf(history.latest(c).values()) : List.of();
            lastProblem = null;
        } catch (SQLException | RuntimeException e) {
            String problem = "standby: cannot read the leader's runs in agent_runs for /health: " + JobLines.oneLine(e);
            if (!problem.equals(lastProblem)) {
                log.accept(problem);
                lastProblem = problem;
            }
        }
        return runs;
    }
}
