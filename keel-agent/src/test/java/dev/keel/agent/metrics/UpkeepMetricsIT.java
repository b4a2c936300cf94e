package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.UpkeepProject;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projections and a partition set made by real change files, as /metrics shows them. */
@WithPostgres
class UpkeepMetricsIT {
    private static final String SUMMARY = "{kind=\"summary\",projection=\"" + UpkeepProject.SUMMARY + "\"}";
    private static final String VIEW = "{kind=\"materialized_view\",projection=\"" + UpkeepProject.VIEW + "\"}";
    private static final String COUNTER = "{counter=\"" + UpkeepProject.COUNTER + "\"}";
    private static final String SET = "{set=\"" + UpkeepProject.SET + "\"}";

    private final TestCluster cluster;

    UpkeepMetricsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void withoutKeelsRegistriesNoProjectionOrPartitionMetricIsShown(@TempDir Path dir) {
        String db = cluster.createDatabase();
        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(),
                db,
                TestCluster.SUPERUSER,
                MetricsFixture.project(dir.resolve("project"), ""),
                MetricsFixture.stillClock())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("pg_up")).hasValue(1);
            assertThat(scrape.series().keySet())
                    .noneMatch(s -> s.startsWith("keel_projection") || s.startsWith("keel_partition"))
                    .noneMatch(s -> s.startsWith("keel_counter"))
                    .noneMatch(s -> s.contains("query=\"projections\"") || s.contains("query=\"partition_sets\""));
        }
    }

    @Test
    void stalenessAgainstTheIntervalCountersAndPartitionSetsAreScraped(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        String db = UpkeepProject.create(cluster, project);
        cluster.execute(
                db,
                "update keel.projections set last_refreshed = now() - interval '1 hour' where name = 'daily_orders'");

        try (MetricsFixture fixture =
                MetricsFixture.bind(cluster.port(), db, TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("keel_scrape_query_success{query=\"projections\"}"))
                    .hasValue(1);
            assertThat(scrape.value("keel_scrape_query_success{query=\"partition_sets\"}"))
                    .hasValue(1);
            assertThat(scrape.value("keel_projection_refresh_interval_seconds" + SUMMARY))
                    .hasValue(300);
            assertThat(scrape.number("keel_projection_staleness_seconds" + SUMMARY))
                    .as("an hour late on an interval of five minutes: twelve intervals")
                    .isBetween(3600.0, 4200.0);
            assertThat(scrape.value("keel_projection_refresh_interval_seconds" + VIEW))
                    .hasValue(3600);
            assertThat(scrape.number("keel_projection_staleness_seconds" + VIEW))
                    .isBetween(0.0, 600.0);
            assertThat(scrape.named("keel_projection_staleness_seconds"))
                    .as("a counter is kept by triggers, with no interval to be late against")
                    .hasSize(2);
            assertThat(scrape.value("keel_projections{kind=\"counter\",state=\"ready\"}"))
                    .hasValue(1);
            assertThat(scrape.value("keel_projections{kind=\"summary\",state=\"ready\"}"))
                    .hasValue(1);
            assertThat(scrape.named("keel_counter_last_compacted_timestamp_seconds"))
                    .isEmpty();

            assertThat(scrape.value("keel_partition_sets")).hasValue(1);
            assertThat(scrape.value("keel_partitions" + SET)).hasValue(UpkeepProject.PREMAKE + 1);
            assertThat(scrape.value("keel_partitions_ahead" + SET)).hasValue(UpkeepProject.PREMAKE);
            assertThat(scrape.value("keel_partition_premake" + SET)).hasValue(UpkeepProject.PREMAKE);
            assertThat(scrape.value("keel_partition_default_rows" + SET)).hasValue(0);

            cluster.execute(db, "insert into events values (1, '2990-06-01 00:00+00')");
            cluster.execute(db, "insert into orders (user_id, amount) select i % 10, i from generate_series(1, 30) i");
            cluster.execute(db, "update keel.projections set last_compacted = now() where name = 'orders_per_user'");
            ScrapeText later = Eventually.await(
                    Duration.ofSeconds(30),
                    "the statistics to count the default partition's row and the counter's stripes",
                    fixture::scrape,
                    s -> s.value("keel_partition_default_rows" + SET).orElse(0) == 1
                            && s.value("keel_counter_stripe_rows" + COUNTER).orElse(0) >= 11);
            assertThat(later.number("keel_counter_last_compacted_timestamp_seconds" + COUNTER))
                    .isPositive();
        }
    }
}
