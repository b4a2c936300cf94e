package dev.keel.agent.alert;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * agent_deliveries in keel's schema: each attempt to deliver an alert, so the jobs page of any agent (a standby, one
 * restarted since) lists them. Bounded: each webhook keeps its newest {@link #KEPT_PER_WEBHOOK} attempts, so a
 * receiver down for weeks costs a fixed number of rows. The webhook is kept by name and scheme://host, never its URL.
 */
public final class DeliveryRecords {
    static final int KEPT_PER_WEBHOOK = 200;

    private final String schema;

    public DeliveryRecords(String schema) {
        this.schema = schema;
    }

    /** Creates the table when missing; a role that may not is told which GRANT it needs. */
    public void ensureExists(Connection c) {
        try {
            if (exists(c)) {
                return;
            }
            SchemaAccess access = SchemaAccess.read(c, schema);
            access.requireCreate("keel up's alert deliveries");
            Map<String, String> names = new LinkedHashMap<>();
            names.put("schema", Identifiers.quote(schema));
            names.put(
                    "createSchema",
                    access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";");
            try (Statement s = c.createStatement()) {
                s.execute(SqlResources.load(DeliveryRecords.class, "agent-deliveries-create.sql", names));
            }
        } catch (SQLException e) {
            throw failed("creating agent_deliveries", e);
        }
    }

    /** Records one attempt, then drops that webhook's attempts beyond the newest {@link #KEPT_PER_WEBHOOK}. */
    public void add(Connection c, Delivery d) {
        String insert = "INSERT INTO " + table()
                + " (attempted, webhook, target, event, key, attempt, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        String prune = "DELETE FROM " + table() + " WHERE webhook = ? AND id <= (SELECT id FROM " + table()
                + " WHERE webhook = ? ORDER BY id DESC OFFSET ? LIMIT 1)";
        try (PreparedStatement s = c.prepareStatement(insert);
                PreparedStatement p = c.prepareStatement(prune)) {
            s.setTimestamp(1, Timestamp.from(d.time()));
            s.setString(2, d.webhook());
            s.setString(3, d.where());
            s.setString(4, d.event());
            s.setString(5, d.key());
            s.setInt(6, d.attempt());
            s.setString(7, d.outcome().label());
            s.setString(8, d.detail());
            s.executeUpdate();
            p.setString(1, d.webhook());
            p.setString(2, d.webhook());
            p.setInt(3, KEPT_PER_WEBHOOK);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failed("recording a delivery attempt", e);
        }
    }

    /** The newest {@code limit} attempts, newest first; none while no alert was ever sent. Only reads. */
    public List<Delivery> recent(Connection c, int limit) {
        List<Delivery> attempts = new ArrayList<>();
        try {
            if (!exists(c)) {
                return attempts;
            }
            String sql = "/* keel up */ SELECT attempted, webhook, target, event, key, attempt, outcome, detail FROM "
                    + table() + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(new Delivery(
                                rs.getTimestamp(1).toInstant(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getInt(6),
                                Delivery.Outcome.valueOf(
                                        rs.getString(7).toUpperCase(Locale.ROOT).replace('-', '_')),
                                rs.getString(8)));
                    }
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw failed("reading agent_deliveries", e);
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

    private String table() {
        return Identifiers.qualified(schema, "agent_deliveries");
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
