package dev.keel.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.doctor.Doctor;
import dev.keel.doctor.checks.ConnectionSaturation;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@WithPostgres
class KeelHealthIndicatorIT {

    private static KeelHealthIndicator indicator(TestCluster cluster, Doctor doctor) {
        ConnectionSource source = ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(), null, null, "test"));
        return new KeelHealthIndicator(new CachedDoctor(doctor, source, Duration.ofSeconds(30), Clock.systemUTC()));
    }

    @Test
    void upWhenTheCheapChecksFindNothingCritical(TestCluster cluster) {
        Health health = indicator(cluster, HealthDoctor.create("keel")).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("checkedAt", "critical", "warnings", "checks");
    }

    @Test
    void downOnACriticalFindingWithItsRunbook(TestCluster cluster) {
        // Any connection in use is "saturated" at these thresholds: a real critical finding, on demand.
        Doctor strict = Doctor.of("keel", new ConnectionSaturation(0.0, 0.0));
        Health health = indicator(cluster, strict).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("critical").toString())
                .contains("connection-saturation", "docs/runbooks/connection-saturation.md");
    }
}
