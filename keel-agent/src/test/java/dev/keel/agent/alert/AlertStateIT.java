package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** agent_alerts on a real PostgreSQL: each change happens once, whoever tries it twice. */
@WithPostgres
class AlertStateIT {
    /** Long ago, so the alert resolved then is older than the 30 days pruning keeps. */
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final TestCluster cluster;
    private final AlertState state = new AlertState("keel_alerts_test");
    private final AlertCondition condition = AlertConditions.of(
                    Findings.report(Findings.wraparound(1_500_000_000L)), DoctorSeverity.CRITICAL)
            .get("wraparound-age:database=shop");

    AlertStateIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void anAlertOpensRemindsAndResolvesOnceEach() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            state.ensureExists(c);
            state.ensureExists(c);

            assertThat(state.opened(c, condition, T0)).isTrue();
            assertThat(state.opened(c, condition, T0.plusSeconds(1))).isFalse();
            OpenAlert open = state.open(c).get(0);
            assertThat(open.opened()).isEqualTo(T0);
            assertThat(open.condition().summary()).isEqualTo(condition.summary());
            assertThat(open.condition().evidence())
                    .as("in the order the check wrote it")
                    .containsExactly(Map.entry("database", "shop"), Map.entry("age", 1_500_000_000));

            Instant later = T0.plus(4, ChronoUnit.HOURS);
            assertThat(state.reminded(c, open, later)).isTrue();
            assertThat(state.reminded(c, open, later.plusSeconds(1)))
                    .as("a second agent holding the same read of the row")
                    .isFalse();
            assertThat(state.open(c).get(0).lastSent()).isEqualTo(later);

            assertThat(state.resolved(c, open, later)).isTrue();
            assertThat(state.resolved(c, open, later)).isFalse();
            assertThat(state.open(c)).isEmpty();

            assertThat(state.opened(c, condition, later.plusSeconds(60)))
                    .as("the same condition again, after it resolved")
                    .isTrue();
            assertThat(state.prune(c, Duration.ofDays(30))).isEqualTo(1);
            assertThat(cluster.queryString(db, "SELECT count(*) FROM keel_alerts_test.agent_alerts"))
                    .isEqualTo("1");
        }
    }
}
