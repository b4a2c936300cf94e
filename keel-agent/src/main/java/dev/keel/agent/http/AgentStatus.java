package dev.keel.agent.http;

import dev.keel.agent.jobs.RunRecord;
import java.util.List;

/**
 * What /health says: whether this agent leads, whether it reaches the database, and each job's newest run it knows.
 *
 * @param role "leader" or "standby"
 * @param database "up" or "down"
 * @param running the jobs running now on this agent
 */
public record AgentStatus(String role, String database, List<String> running, List<RunRecord> lastRuns) {

    public AgentStatus {
        running = List.copyOf(running);
        lastRuns = List.copyOf(lastRuns);
    }
}
