package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts from doctor reports, kept in a real PostgreSQL and delivered to a real HTTP receiver. */
@WithPostgres
class AlertingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "wraparound-age:database=shop";

    private final TestCluster cluster;
    private final String db;
    private final Receiver receiver = new Receiver();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Alerting> started = new ArrayList<>();
    private final DoctorReport critical = Findings.report(Findings.wraparound(1_500_000_000L));
    private final DoctorReport healthy = Findings.report();

    AlertingIT(TestCluster cluster) throws Exception {
        this.cluster = cluster;
        this.db = cluster.createDatabase();
    }

    @AfterEach
    void close() {
        started.forEach(Alerting::close);
        receiver.close();
    }

    @Test
    void aCriticalFindingAlertsOnceAndItsDisappearanceResolvesOnce() {
        Alerting alerting = alerting(WebhookFormat.JSON, Duration.ofHours(1));

        alerting.report(critical);
        awaitBodies(1);
        alerting.report(critical);
        alerting.report(Findings.report(Findings.wraparound(1_600_000_000L)));
        alerting.report(healthy);
        alerting.report(healthy);
        // One delivery thread keeps the order: anything the reports in between had sent would arrive before this.
        alerting.report(critical);
        awaitBodies(3);

        assertThat(receiver.bodies())
                .extracting(b -> json(b).get("event").asText())
                .containsExactly("opened", "resolved", "opened");
        assertThat(receiver.bodies())
                .allSatisfy(b -> assertThat(json(b).get("key").asText()).isEqualTo(KEY));
        JsonNode opened = json(receiver.bodies().get(0));
        assertThat(opened.get("database").asText()).isEqualTo(db);
        assertThat(opened.get("agentHost").asText()).isEqualTo("agent-a");
        assertThat(opened.get("severity").asText()).isEqualTo("critical");
        assertThat(cluster.queryString(
                        db,
                        "SELECT count(*) FILTER (WHERE resolved IS NULL) || '/' || count(*)"
                                + " FROM keel.agent_alerts"))
                .isEqualTo("1/2");
        assertThat(lines)
                .containsExactly(
                        "alert opened: " + KEY + " (critical) to 1 webhook(s)",
                        "alert resolved: " + KEY + " (critical) to 1 webhook(s)",
                        "alert opened: " + KEY + " (critical) to 1 webhook(s)");
    }

    @Test
    void anAlertThatStaysOpenIsRemindedOnceTheIntervalPassed() {
        Alerting alerting = alerting(WebhookFormat.JSON, Duration.ofMillis(200));
        alerting.report(critical);
        awaitBodies(1);

        Eventually.await(WAIT, "a reminder", () -> {
            alerting.report(critical);
            return receiver.bodies().stream()
                    .anyMatch(b -> json(b).get("event").asText().equals("reminder"));
        });

        JsonNode opened = json(receiver.bodies().get(0));
        JsonNode reminder = json(receiver.bodies().get(1));
        assertThat(reminder.get("event").asText()).isEqualTo("reminder");
        assertThat(reminder.get("key").asText()).isEqualTo(KEY);
        assertThat(reminder.get("opened").asText())
                .isEqualTo(opened.get("opened").asText());
    }

    @Test
    void aRestartedAgentDoesNotSendAnOpenAlertAgainAndResolvesIt() {
        Alerting first = alerting(WebhookFormat.JSON, Duration.ofHours(1));
        first.report(critical);
        awaitBodies(1);
        first.close();

        Alerting second = alerting(WebhookFormat.JSON, Duration.ofHours(1));
        second.report(critical);
        second.report(healthy);
        awaitBodies(2);

        assertThat(receiver.bodies())
                .extracting(b -> json(b).get("event").asText())
                .containsExactly("opened", "resolved");
        assertThat(second.open()).isEmpty();
    }

    @Test
    void aSlackWebhookGetsOneReadableLine() {
        Alerting alerting = alerting(WebhookFormat.SLACK, Duration.ofHours(1));

        alerting.report(critical);
        awaitBodies(1);

        JsonNode body = json(receiver.bodies().get(0));
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("text").asText())
                .startsWith(":rotating_light: *critical* `wraparound-age` on *" + db + "*: database shop has used")
                .contains("runbook: docs/runbooks/wraparound-age.md")
                .doesNotContain("\n");
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheAlertOnTheThirdAttemptAndTheFailuresShow() throws Exception {
        receiver.answer(500, 500);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Alerting alerting = Alerting.configure(settings(WebhookFormat.JSON, Duration.ofHours(1)), database(), "keel")
                .registry(registry)
                .firstPause(Duration.ofMillis(1))
                .host("agent-a")
                .log(lines::add)
                .load();
        started.add(alerting);

        alerting.report(critical);
        awaitBodies(1);
        Eventually.await(
                WAIT, "three recorded attempts", () -> alerting.deliveries().size() == 3);

        assertThat(receiver.requests()).isEqualTo(3);
        assertThat(alerting.deliveries())
                .extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.DELIVERED, Delivery.Outcome.FAILED, Delivery.Outcome.FAILED);
        assertThat(registry.get("keel.alert.delivery.failures").counter().count())
                .isEqualTo(2);
        assertThat(lines).filteredOn(l -> l.contains("HTTP 500")).hasSize(2);
        assertThat(lines).noneMatch(l -> l.contains("secret"));

        // Kept in keel's schema too, for every agent's jobs page: by name and scheme://host, never the URL's path.
        Eventually.await(
                WAIT,
                "three attempts in agent_deliveries",
                () -> "3".equals(cluster.queryString(db, "SELECT count(*) FROM keel.agent_deliveries")));
        try (Connection c = cluster.connect(db)) {
            assertThat(new DeliveryRecords("keel").recent(c, 10))
                    .extracting(Delivery::outcome)
                    .containsExactly(Delivery.Outcome.DELIVERED, Delivery.Outcome.FAILED, Delivery.Outcome.FAILED);
        }
        assertThat(cluster.queryString(
                        db, "SELECT string_agg(DISTINCT webhook || ' ' || target, ',') FROM keel.agent_deliveries"))
                .isEqualTo("ops " + receiver.url().getScheme() + "://"
                        + receiver.url().getHost() + ":" + receiver.url().getPort());
        assertThat(cluster.queryString(
                        db,
                        "SELECT count(*) FROM keel.agent_deliveries d WHERE d::text LIKE ?"
                                .replace("?", "'%" + receiver.url().getPath() + "%'")))
                .isEqualTo("0");
    }

    @Test
    void withoutWebhooksNothingIsKept() {
        Alerting alerting = Alerting.configure(
                        new AlertSettings(
                                List.of(), Duration.ofHours(1), DoctorSeverity.CRITICAL, RunbookLinks.none(), 5),
                        database(),
                        "keel")
                .load();
        started.add(alerting);

        alerting.report(critical);

        assertThat(cluster.queryString(db, "SELECT to_regclass('keel.agent_alerts') IS NULL"))
                .isEqualTo("t");
    }

    private Alerting alerting(WebhookFormat format, Duration remind) {
        Alerting alerting = Alerting.configure(settings(format, remind), database(), "keel")
                .host("agent-a")
                .log(lines::add)
                .load();
        started.add(alerting);
        return alerting;
    }

    private AlertSettings settings(WebhookFormat format, Duration remind) {
        return new AlertSettings(
                List.of(new Webhook("ops", receiver.url(), format)),
                remind,
                DoctorSeverity.CRITICAL,
                RunbookLinks.none(),
                5);
    }

    private ConnectionSource database() {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return cluster.connect(db);
            }

            @Override
            public String describe() {
                return db;
            }
        };
    }

    private void awaitBodies(int n) {
        Eventually.await(
                WAIT, n + " alert(s) at the receiver", () -> receiver.bodies().size() >= n, receiver::bodies);
        assertThat(receiver.bodies()).hasSize(n);
    }

    private static JsonNode json(String body) {
        return Bodies.json(body);
    }
}
