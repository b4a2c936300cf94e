package dev.keel.agent.dashboard;

import dev.keel.agent.AgentError;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each job's newest runs from agent_runs (the table RunHistory keeps), a few per job. Reads
 * only: where no agent has led yet the table is missing and there is simply no run.
 */
public final class RecentRuns {

    private final String schema;

    public RecentRuns(String schema) {
        this.schema = schema;
    }

    public Map<JobName, List<RunRecord>> read(Connection c, int perJob) {
        Map<JobName, List<RunRecord>> runs = new EnumMap<>(JobName.class);
        try {
            try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT to_regclass(?) IS NOT NULL")) {
                s.setString(1, Identifiers.qualified(schema, "agent_runs"));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return runs;
                    }
                }
            }
            String sql = SqlResources.load(
                    RecentRuns.class, "agent-runs-recent.sql", Map.of("schema", Identifiers.quote(schema)));
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(
                        1,
                        c.createArrayOf(
                                "text",
                                Arrays.stream(JobName.values())
                                        .map(JobName::key)
                                        .toArray()));
                s.setInt(2, perJob);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        JobName job = JobName.fromKey(rs.getString("job"));
                        if (job == null) {
                            throw new IllegalStateException(
                                    "agent_runs holds a job keel does not know: " + rs.getString("job"));
                        }
                        runs.computeIfAbsent(job, j -> new ArrayList<>()).add(RunHistory.read(rs));
                    }
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new KeelException(
                    AgentError.HISTORY_FAILED,
                    "reading agent_runs in schema " + Identifiers.display(schema) + " failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check that keel up's user may read tables in that schema",
                    e);
        }
    }
}
