package dev.keel.agent.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.keel.agent.AgentError;
import dev.keel.app.JsonOutput;
import dev.keel.connect.SchemaAccess;
import dev.keel.doctor.DoctorReport;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * agent_doctor in keel's schema: the leader's doctor job writes each report there (one row, replaced), and every
 * agent's overview reads it, so no page needs to run the doctor (whose slowest-statements check writes a snapshot).
 */
public final class DoctorReports {
    private final String schema;

    public DoctorReports(String schema) {
        this.schema = schema;
    }

    /** Creates the table when missing; a role that may not is told which GRANT it needs. */
    public void ensureExists(Connection c) {
        try {
            if (exists(c)) {
                return;
            }
            SchemaAccess access = SchemaAccess.read(c, schema);
            access.requireCreate("keel up's doctor report");
            Map<String, String> names = new LinkedHashMap<>();
            names.put("schema", Identifiers.quote(schema));
            names.put(
                    "createSchema",
                    access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";");
            try (Statement s = c.createStatement()) {
                s.execute(SqlResources.load(DoctorReports.class, "agent-doctor-create.sql", names));
            }
        } catch (SQLException e) {
            throw failed("creating agent_doctor", e);
        }
    }

    /** Keeps {@code report}, taken at {@code at} by {@code agent}, in place of the one before unless that is newer. */
    public void save(Connection c, DoctorReport report, Instant at, String agent) {
        String sql = "INSERT INTO " + table() + " (taken, agent, report) VALUES (?, ?, ?::json)"
                + " ON CONFLICT (only_row) DO UPDATE SET taken = excluded.taken, agent = excluded.agent,"
                + " report = excluded.report WHERE agent_doctor.taken <= excluded.taken";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, agent);
            s.setString(3, JsonOutput.write(report));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("keeping the doctor's report", e);
        }
    }

    /** The newest report; empty while no doctor job has recorded one. Only reads: a missing table is no report. */
    public Optional<StoredDoctorReport> latest(Connection c) {
        try {
            if (!exists(c)) {
                return Optional.empty();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("/* keel up */ SELECT taken, agent, report::text FROM " + table())) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDoctorReport(
                        report(rs.getString(3)), rs.getTimestamp(1).toInstant(), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw failed("reading agent_doctor", e);
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private DoctorReport report(String json) {
        try {
            // A report written by a newer keel may carry fields this one does not know: what it knows still shows.
            return JsonOutput.mapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json, DoctorReport.class);
        } catch (JsonProcessingException e) {
            throw new KeelException(
                    AgentError.HISTORY_FAILED,
                    "the doctor report in " + table() + " cannot be read: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "wait for the doctor job's next report, which replaces it",
                    e);
        }
    }

    private String table() {
        return Identifiers.qualified(schema, "agent_doctor");
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
