package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database goes away under a running agent and comes back: pg_up follows it, and no scrape throws. */
@WithPostgres
class DatabaseDownIT {
    @TempDir
    Path dir;

    @Test
    void pgUpFollowsTheDatabaseDownAndBackOnTheKeptSession(TestCluster cluster) {
        Path project = MetricsFixture.project(dir.resolve("project"), "");
        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(), "postgres", TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
            assertThat(fixture.scrape().value("pg_up")).hasValue(1);

            cluster.stop();
            ScrapeText down = fixture.scrape();

            assertThat(down.value("pg_up")).hasValue(0);
            assertThat(down.named("pg_stat_database_xact_commit")).isEmpty();
            assertThat(down.named("pg_stat_activity_count")).isEmpty();

            cluster.start();
            ScrapeText up = fixture.scrape();

            assertThat(up.value("pg_up")).hasValue(1);
            assertThat(up.named("pg_stat_database_xact_commit")).isNotEmpty();
        }
    }

    @Test
    void aRestartBetweenScrapesCostsNoScrapeItsDatabaseMetrics(TestCluster cluster) {
        Path project = MetricsFixture.project(dir.resolve("project"), "");
        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(), "postgres", TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
            assertThat(fixture.scrape().value("pg_up")).hasValue(1);

            // The kept session dies with the restart; the scrape after it opens a new one instead of reporting 0.
            cluster.restart();

            assertThat(fixture.scrape().value("pg_up")).hasValue(1);
        }
    }
}
