package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A real spill (work_mem at its minimum, a sort of 300 000 rows); the daily thresholds are lowered to a megabyte. */
@WithPostgres
class TempSpillsIT {
    private final TestCluster cluster;

    TempSpillsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aSortLargerThanWorkMemFires() {
        String db = cluster.createDatabase();
        assertThat(DoctorRuns.run(cluster, db, new TempSpills(1, 1L << 20)).findings())
                .isEmpty();

        cluster.execute(
                db,
                "SET work_mem = '64kB'; SELECT count(*) FROM (SELECT g FROM generate_series(1, 300000) g ORDER BY g DESC) s");

        var report = DoctorRuns.until(
                r -> !r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, new TempSpills(1, 1L << 20));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat((Long) f.evidence().get("tempBytes")).isGreaterThan(1L << 20);
            assertThat((Long) f.evidence().get("tempFiles")).isPositive();
        });
        assertThat(DoctorRuns.run(cluster, db, new TempSpills()).findings())
                .as("under 1 GB a day")
                .isEmpty();
    }
}
