package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLogTest {

    @Test
    void keepsTheNewestAttemptsFirstAndNoMoreThanItsBound() {
        DeliveryLog log = new DeliveryLog();
        for (int i = 1; i <= DeliveryLog.KEPT + 10; i++) {
            log.add(attempt(i, i % 2 == 0 ? Delivery.Outcome.DELIVERED : Delivery.Outcome.FAILED));
        }

        assertThat(log.recent()).hasSize(DeliveryLog.KEPT);
        assertThat(log.recent().get(0).attempt()).isEqualTo(DeliveryLog.KEPT + 10);
        assertThat(log.failures()).allSatisfy(d -> assertThat(d.outcome()).isEqualTo(Delivery.Outcome.FAILED));
        assertThat(log.failures()).hasSize(DeliveryLog.KEPT / 2);
    }

    private static Delivery attempt(int n, Delivery.Outcome outcome) {
        return new Delivery(Instant.EPOCH, "ops", "https://h.example", "opened", "k", n, outcome, "HTTP 500");
    }

    @Test
    void anAttemptTheDatabaseCannotTakeIsStillKeptHereAndLoggedOnce() {
        List<String> lines = new ArrayList<>();
        ConnectionSource down = new ConnectionSource() {
            @Override
            public Connection open() {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public String describe() {
                return "a database that is down";
            }
        };
        DeliveryLog log = new DeliveryLog(down, new DeliveryRecords("keel"), lines::add);

        log.add(attempt(1, Delivery.Outcome.FAILED));
        log.add(attempt(2, Delivery.Outcome.DELIVERED));

        assertThat(log.recent()).hasSize(2);
        assertThat(lines).singleElement().asString().contains("agent_deliveries", "connection refused");
    }
}
