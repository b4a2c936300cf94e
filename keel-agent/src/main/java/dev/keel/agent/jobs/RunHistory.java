package dev.keel.agent.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.keel.agent.AgentError;
import dev.keel.app.JsonOutput;
import dev.keel.connect.SchemaAccess;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** agent_runs in keel's schema: each job's runs, kept for agent.history. */
public final class RunHistory {
    private static final TypeReference<LinkedHashMap<String, Object>> FIGURES = new TypeReference<>() {};

    private final String schema;

    public RunHistory(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** Creates the table when missing; a role that may not is told which GRANT it needs. */
    public void ensureExists(Connection c) {
        try {
            if (exists(c)) {
                return;
            }
            SchemaAccess access = SchemaAccess.read(c, schema);
            access.requireCreate("keel up's job history");
            Map<String, String> names = new LinkedHashMap<>(names());
            names.put("createSchema", access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + quoted() + ";");
            try (Statement s = c.createStatement()) {
                s.execute(SqlResources.load(RunHistory.class, "agent-runs-create.sql", names));
            }
        } catch (SQLException e) {
            throw failed("creating agent_runs", e);
        }
    }

    /** Whether agent_runs is there: it is not before any agent led. Only reads. */
    public boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Records that {@code job} started now; returns the run's id. */
    public long start(Connection c, JobName job, Instant started, String agent) {
        String sql =
                "INSERT INTO " + table() + " (job, started, outcome, agent) VALUES (?, ?, 'running', ?) RETURNING id";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, job.key());
            s.setTimestamp(2, Timestamp.from(started));
            s.setString(3, agent);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("recording the start of " + job.key(), e);
        }
    }

    public void finish(Connection c, long id, RunRecord run) {
        String sql = "UPDATE " + table() + " SET finished = ?, outcome = ?, figures = ?::jsonb, error = ? WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(run.finished()));
            s.setString(2, run.outcome().text());
            s.setString(3, JsonOutput.write(run.figures()));
            s.setString(4, run.error());
            s.setLong(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("recording the end of " + run.job(), e);
        }
    }

    /**
     * Marks the job's runs still 'running' as interrupted. Only the holder of the job's lock calls it, so whoever ran
     * them no longer holds the lock: its agent was killed or lost its connection.
     */
    public int interruptStale(Connection c, JobName job) {
        String sql = "UPDATE " + table() + " SET outcome = 'interrupted', finished = now(), error = ?"
                + " WHERE job = ? AND outcome = 'running'";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "the agent running it stopped before the run ended; the next turn runs it again");
            s.setString(2, job.key());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed("marking interrupted runs of " + job.key(), e);
        }
    }

    /** Each job's newest run. */
    public Map<JobName, RunRecord> latest(Connection c) {
        Map<JobName, RunRecord> runs = new EnumMap<>(JobName.class);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(RunHistory.class, "agent-runs-latest.sql", names()))) {
            while (rs.next()) {
                JobName job = JobName.fromKey(rs.getString("job"));
                if (job != null) {
                    runs.put(job, read(rs));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw failed("reading agent_runs", e);
        }
    }

    /** The job's newest run. */
    public Optional<RunRecord> latest(Connection c, JobName job) {
        String sql = "SELECT job, started, finished, outcome, figures::text AS figures, error FROM " + table()
                + " WHERE job = ? ORDER BY started DESC, id DESC LIMIT 1";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, job.key());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("reading agent_runs", e);
        }
    }

    /** When each job last ended well. */
    public Map<JobName, Instant> lastSuccess(Connection c) {
        String sql = "SELECT job, max(finished) FROM " + table() + " WHERE outcome = 'ok' GROUP BY job";
        Map<JobName, Instant> times = new EnumMap<>(JobName.class);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                JobName job = JobName.fromKey(rs.getString(1));
                if (job != null) {
                    times.put(job, rs.getTimestamp(2).toInstant());
                }
            }
            return times;
        } catch (SQLException e) {
            throw failed("reading agent_runs", e);
        }
    }

    /** Deletes runs older than {@code keep}, except each job's newest; returns how many went. */
    public int prune(Connection c, Duration keep) {
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(RunHistory.class, "agent-runs-prune.sql", names()))) {
            s.setLong(1, keep.toSeconds());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed("pruning agent_runs", e);
        }
    }

    /** One row of agent_runs, as every reader of it (the scheduler, the jobs page) takes it. */
    public static RunRecord read(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished");
        Map<String, Object> figures;
        try {
            figures = JsonOutput.mapper().readValue(rs.getString("figures"), FIGURES);
        } catch (JsonProcessingException e) {
            figures = Map.of();
        }
        return new RunRecord(
                rs.getString("job"),
                rs.getTimestamp("started").toInstant(),
                finished == null ? null : finished.toInstant(),
                Outcome.of(rs.getString("outcome")),
                figures,
                rs.getString("error"));
    }

    private Map<String, String> names() {
        return Map.of("schema", quoted());
    }

    private String quoted() {
        return Identifiers.quote(schema);
    }

    private String table() {
        return Identifiers.qualified(schema, "agent_runs");
    }

    private KeelException failed(String doing, SQLException e) {
        return new KeelException(
                AgentError.HISTORY_FAILED,
                doing + " in schema " + Identifiers.display(schema) + " failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                "check that keel up's user may create and write tables in that schema",
                e);
    }
}
