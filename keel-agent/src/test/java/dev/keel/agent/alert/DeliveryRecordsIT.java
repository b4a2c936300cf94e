package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** agent_deliveries on a real cluster: newest first, a bounded number per webhook. */
@WithPostgres
class DeliveryRecordsIT {
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final TestCluster cluster;
    private final DeliveryRecords records = new DeliveryRecords("keel");

    DeliveryRecordsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void eachWebhookKeepsItsNewestAttemptsOnlyAndTheyReadBackNewestFirst() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            records.ensureExists(c);
            for (int i = 1; i <= DeliveryRecords.KEPT_PER_WEBHOOK + 5; i++) {
                records.add(c, attempt("ops", i, Delivery.Outcome.FAILED));
            }
            records.add(c, attempt("chat", 1, Delivery.Outcome.GAVE_UP));

            assertThat(records.recent(c, 3))
                    .extracting(Delivery::webhook, Delivery::attempt, Delivery::outcome)
                    .containsExactly(
                            tuple("chat", 1, Delivery.Outcome.GAVE_UP),
                            tuple("ops", DeliveryRecords.KEPT_PER_WEBHOOK + 5, Delivery.Outcome.FAILED),
                            tuple("ops", DeliveryRecords.KEPT_PER_WEBHOOK + 4, Delivery.Outcome.FAILED));
            assertThat(records.recent(c, 1).get(0)).isEqualTo(attempt("chat", 1, Delivery.Outcome.GAVE_UP));
        }
        assertThat(cluster.queryString(db, "SELECT count(*) FROM keel.agent_deliveries WHERE webhook = 'ops'"))
                .isEqualTo(String.valueOf(DeliveryRecords.KEPT_PER_WEBHOOK));
        assertThat(cluster.queryString(db, "SELECT min(attempt) FROM keel.agent_deliveries WHERE webhook = 'ops'"))
                .as("the oldest went")
                .isEqualTo("6");
    }

    @Test
    void beforeAnyAlertThereIsNoAttemptAndReadingCreatesNothing() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThat(records.recent(c, 20)).isEmpty();
        }
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel') IS NULL"))
                .isEqualTo("t");
    }

    private static Delivery attempt(String webhook, int n, Delivery.Outcome outcome) {
        return new Delivery(
                AT.plusSeconds(n),
                webhook,
                "https://hooks.example",
                "opened",
                "invalid-indexes:x",
                n,
                outcome,
                "HTTP 500");
    }
}
