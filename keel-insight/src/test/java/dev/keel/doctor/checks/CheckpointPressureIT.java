package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every explicit CHECKPOINT counts as requested, as do those forced by max_wal_size; twelve of them
 * on a cluster younger than checkpoint_timeout are all requested and none timed.
 */
@WithPostgres
class CheckpointPressureIT {
    private final TestCluster cluster;

    CheckpointPressureIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void manyRequestedCheckpointsFire() {
        String db = cluster.createDatabase();
        assertThat(DoctorRuns.run(cluster, db, new CheckpointPressure()).findings())
                .isEmpty();
        for (int i = 0; i < 12; i++) {
            cluster.execute(db, "CREATE TABLE IF NOT EXISTS t (i int); INSERT INTO t VALUES (1)");
            cluster.execute(db, "CHECKPOINT");
        }

        var report = DoctorRuns.until(
                r -> !r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, new CheckpointPressure());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat((Long) f.evidence().get("requested")).isGreaterThanOrEqualTo(12);
            assertThat(f.summary()).contains("requested rather than timed");
        });
    }
}
