package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A fresh cluster has run for seconds, so the load threshold (backends kept busy on average) is
 * lowered and so is the minimum window; the share is real: one slow statement takes nearly all the execution time.
 */
@WithPostgres
class SlowestStatementsIT {
    private final TestCluster cluster;

    SlowestStatementsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void theStatementWithMostOfTheTimeFires() {
        String db = cluster.createDatabase();
        for (int i = 0; i < 4; i++) {
            cluster.execute(db, "SELECT pg_sleep(0.25)");
        }

        var report = DoctorRuns.run(
                cluster, db, new SlowestStatements(Duration.ofHours(1), Duration.ZERO, 0.25, 0.001, 0.002, 3));

        assertThat(report.findings()).isNotEmpty();
        assertThat(report.principal()).satisfies(f -> {
            assertThat(f.check()).isEqualTo("slowest-statements");
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence()).containsEntry("calls", 4L);
            assertThat((Double) f.evidence().get("sharePercent")).isGreaterThan(50.0);
            assertThat(f.summary()).contains("pg_sleep");
        });
        assertThat(DoctorRuns.run(cluster, db, new SlowestStatements()).findings())
                .as("default load threshold")
                .isEmpty();
    }
}
