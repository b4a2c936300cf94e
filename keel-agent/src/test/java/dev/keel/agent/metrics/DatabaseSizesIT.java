package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database sizes are read once per interval: scrapes within it repeat the size read, the first after it reads anew. */
@WithPostgres
class DatabaseSizesIT {
    @TempDir
    Path dir;

    @Test
    void aDatabasesSizeIsReadAgainOnlyAfterTheInterval(TestCluster cluster) {
        String database = cluster.createDatabase();
        String series =
                "pg_database_size_bytes{datname=\"" + database + "\",server=\"127.0.0.1:" + cluster.port() + "\"}";
        SteppedClock clock = new SteppedClock(Instant.now());
        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(), database, TestCluster.SUPERUSER, MetricsFixture.project(dir.resolve("p"), ""), clock)) {
            double before = fixture.scrape().number(series);

            cluster.execute(
                    database,
                    "create table filler as select g, repeat('x', 200) as pad from generate_series(1, 50000) g");

            assertThat(fixture.scrape().number(series)).isEqualTo(before);
            clock.advance(Duration.ofMinutes(2));
            assertThat(fixture.scrape().number(series)).isGreaterThan(before + 5_000_000);
        }
    }
}
