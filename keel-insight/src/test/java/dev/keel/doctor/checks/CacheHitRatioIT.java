package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Shared buffers far smaller than a table read again and again make the reads real; only the
 * "busy database" minimum is lowered from a million blocks to a thousand.
 */
@WithPostgres(settings = "shared_buffers=1MB")
class CacheHitRatioIT {
    private final TestCluster cluster;

    CacheHitRatioIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void repeatedScansOfATableLargerThanTheCacheFire() {
        String db = cluster.createDatabase();
        cluster.execute(
                db, "CREATE TABLE big AS SELECT g AS id, repeat('x', 200) AS payload FROM generate_series(1, 60000) g");
        for (int i = 0; i < 6; i++) {
            cluster.execute(db, "SELECT count(*) FROM big");
        }
        CacheHitRatio check = new CacheHitRatio(1000, 0.95, 0.99);

        var report = DoctorRuns.until(r -> !r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, check);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat((Double) f.evidence().get("hitRatio")).isLessThan(0.99);
            assertThat((Long) f.evidence().get("blocksRead")).isGreaterThan(5000);
            assertThat(f.summary()).contains("hit shared buffers");
        });
        assertThat(DoctorRuns.run(cluster, db, new CacheHitRatio()).findings())
                .as("under a million blocks")
                .isEmpty();
    }
}
