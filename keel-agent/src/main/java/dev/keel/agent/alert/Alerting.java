package dev.keel.agent.alert;

import dev.keel.agent.jobs.JobLines;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.DoctorReport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * keel up's alerts: told each doctor report, it opens an alert for each condition new to it, reminds of those still
 * open every alerts.remind, and resolves those gone, sending each message to the webhooks once. What was sent is
 * kept in agent_alerts, so a restarted agent or a standby that takes over goes on where the last one stopped; each
 * delivery attempt in agent_deliveries, so every agent's jobs page lists them.
 * <pre>{@code
 * Alerting alerting = Alerting.configure(AlertSettings.from(yaml), database, yaml.schema()).registry(registry).load();
 * alerting.report(insight.doctor());   // after each doctor run; returns once the state is written
 * alerting.deliveries();               // this agent's attempts (each also kept in agent_deliveries)
 * alerting.close();
 * }</pre>
 */
public final class Alerting implements AutoCloseable {
    /** Resolved alerts stay this long for the jobs page, then go. */
    static final Duration KEEP_RESOLVED = Duration.ofDays(30);

    private final AlertSettings settings;
    private final ConnectionSource database;
    private final AlertState state;
    private final Deliveries deliveries;
    private final DeliveryLog log;
    private final Clock clock;
    private final Consumer<String> lines;
    private final String host;
    private volatile boolean tableChecked;

    Alerting(AlertingConfiguration c) {
        this.settings = c.settings;
        this.database = c.database;
        this.state = new AlertState(c.schema);
        this.clock = c.clock;
        this.lines = c.log;
        this.host = c.host != null ? c.host : hostName();
        this.log = new DeliveryLog(database, new DeliveryRecords(c.schema), lines);
        this.deliveries = new Deliveries(
                settings, c.firstPause, new WebhookSender(), log, new AlertMetrics(c.registry), clock, lines);
    }

    public static AlertingConfiguration configure(AlertSettings settings, ConnectionSource database, String schema) {
        return new AlertingConfiguration(settings, database, schema);
    }

    /**
     * Acts on one doctor report: the alert state changes in agent_alerts before this returns, the messages go out on
     * the delivery threads. A failure to reach the state is logged, not thrown: alerts must never fail the doctor job.
     */
    public void report(DoctorReport report) {
        if (!settings.on()) {
            return;
        }
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            if (!tableChecked) {
                state.ensureExists(c);
                tableChecked = true;
            }
            // What the messages say and what agent_alerts keeps must be the same instant: the table keeps microseconds.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Map<String, AlertCondition> conditions = AlertConditions.of(report, settings.minimum());
            AlertPlan plan = AlertPlan.of(state.open(c), conditions, report, now, settings.remind());
            if (plan.empty()) {
                return;
            }
            String name = databaseName(c);
            for (AlertCondition condition : plan.opened()) {
                if (state.opened(c, condition, now)) {
                    send(new AlertEvent(AlertEvent.Kind.OPENED, condition, now, now, name, host));
                }
            }
            for (OpenAlert alert : plan.reminded()) {
                if (state.reminded(c, alert, now)) {
                    send(new AlertEvent(AlertEvent.Kind.REMINDER, alert.condition(), alert.opened(), now, name, host));
                }
            }
            for (OpenAlert alert : plan.resolved()) {
                if (state.resolved(c, alert, now)) {
                    send(new AlertEvent(AlertEvent.Kind.RESOLVED, alert.condition(), alert.opened(), now, name, host));
                }
            }
            if (!plan.resolved().isEmpty()) {
                state.prune(c, KEEP_RESOLVED);
            }
        } catch (SQLException | RuntimeException e) {
            lines.accept("alerts: cannot act on the doctor's report, nothing was sent: " + JobLines.oneLine(e));
        }
    }

    /** One line per message, as keel up logs one per job run: what, about which key, to how many webhooks. */
    private void send(AlertEvent event) {
        AlertCondition c = event.condition();
        lines.accept("alert " + event.kind().label() + ": " + c.key() + " ("
                + c.severity().label() + ") to " + settings.webhooks().size() + " webhook(s)");
        deliveries.send(event);
    }

    /** The alerts open now, oldest first; empty when the database cannot be read. */
    public List<OpenAlert> open() {
        if (!settings.on()) {
            return List.of();
        }
        try (Connection c = database.open()) {
            state.ensureExists(c);
            return state.open(c);
        } catch (SQLException | RuntimeException e) {
            lines.accept("alerts: cannot read the open alerts: " + JobLines.oneLine(e));
            return List.of();
        }
    }

    /**
     * This agent's latest delivery attempts, newest first, failures included; every agent's jobs page lists them from
     * agent_deliveries, where each is kept too.
     */
    public List<Delivery> deliveries() {
        return log.recent();
    }

    public AlertSettings settings() {
        return settings;
    }

    /** Stops sending: deliveries under way get a few seconds, retries still waiting are dropped. */
    @Override
    public void close() {
        deliveries.close();
    }

    private static String databaseName(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("/* keel up */ SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
