package dev.keel.agent.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.keel.app.JsonOutput;
import dev.keel.connect.SchemaAccess;
import dev.keel.doctor.DoctorSeverity;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * agent_alerts in keel's schema: the alerts sent, open until resolved. Kept in the database rather than in the agent,
 * so an agent that restarts, or the standby that takes over, knows what was sent and sends no copy. Every change is
 * conditional on the row as it was read, so two agents could never both send the same message.
 */
public final class AlertState {
    private static final TypeReference<LinkedHashMap<String, Object>> PAYLOAD = new TypeReference<>() {};

    private final String schema;

    public AlertState(String schema) {
        this.schema = schema;
    }

    /** Creates the table when missing; a role that may not is told which GRANT it needs. */
    public void ensureExists(Connection c) {
        try {
            try (PreparedStatement s = c.prepareStatement("/* keel up */ SELECT to_regclass(?) IS NOT NULL")) {
                s.setString(1, table());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            SchemaAccess access = SchemaAccess.read(c, schema);
            access.requireCreate("keel up's alerts");
            Map<String, String> names = new LinkedHashMap<>();
            names.put("schema", Identifiers.quote(schema));
            names.put(
                    "createSchema",
                    access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";");
            try (Statement s = c.createStatement()) {
                s.execute(SqlResources.load(AlertState.class, "agent-alerts-create.sql", names));
            }
        } catch (SQLException e) {
            throw failed("creating agent_alerts", e);
        }
    }

    /** The alerts open now. */
    public List<OpenAlert> open(Connection c) {
        String sql = "SELECT key, severity, opened, last_sent, payload::text FROM " + table()
                + " WHERE resolved IS NULL ORDER BY opened, id";
        List<OpenAlert> open = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                open.add(new OpenAlert(
                        condition(rs.getString(1), rs.getString(2), rs.getString(5)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()));
            }
            return open;
        } catch (SQLException e) {
            throw failed("reading agent_alerts", e);
        }
    }

    /** Records {@code condition} as open and sent at {@code now}; false when it was open already (sent by another). */
    public boolean opened(Connection c, AlertCondition condition, Instant now) {
        String sql =
                "INSERT INTO " + table() + " (key, severity, opened, last_sent, payload) VALUES (?, ?, ?, ?, ?::json)"
                        + " ON CONFLICT (key) WHERE resolved IS NULL DO NOTHING";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, condition.key());
            s.setString(2, condition.severity().label());
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, payload(condition));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("recording an alert", e);
        }
    }

    /** Records a reminder sent at {@code now}, with what the alert says now; false when another sent it first. */
    public boolean reminded(Connection c, OpenAlert alert, Instant now) {
        String sql = "UPDATE " + table() + " SET last_sent = ?, severity = ?, payload = ?::json"
                + " WHERE key = ? AND resolved IS NULL AND last_sent = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, alert.condition().severity().label());
            s.setString(3, payload(alert.condition()));
            s.setString(4, alert.key());
            s.setTimestamp(5, Timestamp.from(alert.lastSent()));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("recording a reminder", e);
        }
    }

    /** Records that the alert resolved at {@code now}; false when it was resolved already. */
    public boolean resolved(Connection c, OpenAlert alert, Instant now) {
        String sql = "UPDATE " + table() + " SET resolved = ? WHERE key = ? AND resolved IS NULL";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, alert.key());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("recording a resolution", e);
        }
    }

    /** Deletes alerts resolved longer ago than {@code keep}; returns how many went. */
    public int prune(Connection c, Duration keep) {
        String sql = "DELETE FROM " + table()
                + " WHERE resolved IS NOT NULL AND resolved < now() - make_interval(secs => ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, keep.toSeconds());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed("pruning agent_alerts", e);
        }
    }

    private static String payload(AlertCondition condition) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("check", condition.check());
        payload.put("summary", condition.summary());
        payload.put("evidence", condition.evidence());
        payload.put("runbook", condition.runbook());
        return JsonOutput.write(payload);
    }

    @SuppressWarnings("unchecked")
    private static AlertCondition condition(String key, String severity, String payload) {
        Map<String, Object> p;
        try {
            p = JsonOutput.mapper().readValue(payload, PAYLOAD);
        } catch (JsonProcessingException e) {
            p = Map.of();
        }
        Object evidence = p.get("evidence");
        return new AlertCondition(
                key,
                DoctorSeverity.valueOf(severity.toUpperCase(Locale.ROOT)),
                String.valueOf(p.getOrDefault("check", key)),
                String.valueOf(p.getOrDefault("summary", "")),
                evidence instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                (String) p.get("runbook"));
    }

    private String table() {
        return Identifiers.qualified(schema, "agent_alerts");
    }

    private KeelException failed(String doing, SQLException e) {
        return new KeelException(
                AlertError.STATE_FAILED,
                doing + " in schema " + Identifiers.display(schema) + " failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                "check that keel up's user may create and write tables in that schema",
                e);
    }
}
