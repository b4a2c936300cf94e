package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real HTTP receiver on this host. */
class DeliveriesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Receiver receiver = new Receiver();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryLog log = new DeliveryLog();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Deliveries deliveries;

    DeliveriesTest() throws Exception {}

    @AfterEach
    void close() {
        if (deliveries != null) {
            deliveries.close(Duration.ZERO);
        }
        receiver.close();
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheAlertOnTheThirdAttemptAndTheFailuresAreRecorded() {
        receiver.answer(500, 500);
        deliveries = deliveries(new Webhook("ops", receiver.url(), WebhookFormat.JSON), 5);

        deliveries.send(event());

        Eventually.await(
                WAIT,
                "the third attempt to be delivered",
                () -> receiver.bodies().size() == 1,
                receiver::requests);
        assertThat(receiver.requests()).isEqualTo(3);
        assertThat(receiver.bodies().get(0)).contains("\"event\":\"opened\"");
        Eventually.await(WAIT, "the delivery to be recorded", () -> log.recent().size() == 3, log::recent);
        assertThat(log.recent())
                .extracting(Delivery::attempt, Delivery::outcome, Delivery::detail)
                .containsExactly(
                        Tuple.tuple(3, Delivery.Outcome.DELIVERED, "HTTP 200"),
                        Tuple.tuple(2, Delivery.Outcome.FAILED, "HTTP 500"),
                        Tuple.tuple(1, Delivery.Outcome.FAILED, "HTTP 500"));
        assertThat(log.recent()).allSatisfy(d -> {
            assertThat(d.webhook()).isEqualTo("ops");
            assertThat(d.where()).isEqualTo("http://127.0.0.1:" + receiver.url().getPort());
            assertThat(d.key()).isEqualTo("wraparound-age:database=shop");
        });
        assertThat(registry.get("keel.alert.delivery.failures")
                        .tag("webhook", "ops")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("keel.alerts.sent")
                        .tags("webhook", "ops", "event", "opened")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("secret-token"));
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAttemptAndNeverShowsTheUrl() {
        URI closed = receiver.url();
        receiver.close();
        deliveries = deliveries(new Webhook("ops", closed, WebhookFormat.SLACK), 2);

        deliveries.send(event());

        Eventually.await(WAIT, "both attempts to fail", () -> log.recent().size() == 2, log::recent);
        assertThat(log.recent())
                .extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.GAVE_UP, Delivery.Outcome.FAILED);
        assertThat(log.failures()).allSatisfy(d -> assertThat(d.detail()).doesNotContain("secret-token"));
        // The attempt is recorded just before its log line is written: wait for the line too.
        Eventually.await(WAIT, "the given-up line", () -> lines.stream().anyMatch(l -> l.contains("given up")));
        assertThat(lines).last().asString().contains("failed 2 times, given up").doesNotContain("secret-token");
    }

    @Test
    void sendingReturnsWhileTheReceiverStillHoldsTheRequest() {
        receiver.hold();
        deliveries = deliveries(new Webhook("ops", receiver.url(), WebhookFormat.JSON), 1);

        deliveries.send(event());

        assertThat(receiver.bodies()).isEmpty();
        receiver.release();
        Eventually.await(
                WAIT, "the held request to be answered", () -> receiver.bodies().size() == 1);
    }

    @Test
    void pausesDoubleAndStopAtTenMinutes() {
        Deliveries d = new Deliveries(
                settings(new Webhook("ops", receiver.url(), WebhookFormat.JSON), 10),
                Duration.ofSeconds(30),
                new WebhookSender(),
                log,
                new AlertMetrics(registry),
                Clock.systemUTC(),
                lines::add);
        try {
            assertThat(d.pause(1)).isEqualTo(Duration.ofSeconds(30));
            assertThat(d.pause(2)).isEqualTo(Duration.ofMinutes(1));
            assertThat(d.pause(3)).isEqualTo(Duration.ofMinutes(2));
            assertThat(d.pause(9)).isEqualTo(Duration.ofMinutes(10));
        } finally {
            d.close(Duration.ZERO);
        }
    }

    private Deliveries deliveries(Webhook webhook, int attempts) {
        return new Deliveries(
                settings(webhook, attempts),
                Duration.ofMillis(1),
                new WebhookSender(),
                log,
                new AlertMetrics(registry),
                Clock.systemUTC(),
                lines::add);
    }

    private static AlertSettings settings(Webhook webhook, int attempts) {
        return new AlertSettings(
                List.of(webhook), Duration.ofHours(4), DoctorSeverity.CRITICAL, RunbookLinks.none(), attempts);
    }

    private static AlertEvent event() {
        AlertCondition condition = AlertConditions.of(
                        Findings.report(Findings.wraparound(1_500_000_000L)), DoctorSeverity.CRITICAL)
                .get("wraparound-age:database=shop");
        Instant now = Instant.now();
        return new AlertEvent(AlertEvent.Kind.OPENED, condition, now, now, "shop", "db1");
    }
}
