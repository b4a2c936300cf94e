package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary with a streaming standby: the standby's scrape runs every query (pg_current_wal_lsn() fails on a standby,
 * so each use must be guarded) and says it is a replica; the primary's shows the receiver streaming from it.
 */
@WithPostgres
class StandbyIT {
    @TempDir
    Path dir;

    @Test
    void aStandbyIsScrapedWholeAndThePrimarySeesItsReceiver(TestCluster primary) {
        try (TestCluster standby = primary.startStandby()) {
            String receiver = Eventually.await(
                    Duration.ofSeconds(60),
                    "the standby to stream",
                    () -> primary.queryString(
                            "postgres", "select application_name from pg_stat_replication where state = 'streaming'"),
                    name -> name != null);
            standby.execute("postgres", "select pg_create_physical_replication_slot('standby_slot')");

            Path project = MetricsFixture.project(
                    dir.resolve("project"), "backup:\n  stream:\n    applicationName: " + receiver + "\n");
            try (MetricsFixture onStandby = MetricsFixture.bind(
                            standby.port(), "postgres", TestCluster.SUPERUSER, project, MetricsFixture.stillClock());
                    MetricsFixture onPrimary = MetricsFixture.bind(
                            primary.port(), "postgres", TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
                ScrapeText replica = onStandby.scrape();

                assertThat(replica.value("pg_up")).hasValue(1);
                assertThat(replica.value("pg_replication_is_replica")).hasValue(1);
                assertThat(replica.number("pg_replication_lag_seconds")).isNotNegative();
                assertThat(replica.named("keel_scrape_query_success"))
                        .isNotEmpty()
                        .allSatisfy(series -> assertThat(replica.value(series)).hasValue(1));
                assertThat(
                                replica.value(
                                        "pg_replication_slots_slot_is_active{slot_name=\"standby_slot\",slot_type=\"physical\"}"))
                        .hasValue(0);

                ScrapeText main = onPrimary.scrape();

                assertThat(main.value("pg_replication_is_replica")).hasValue(0);
                assertThat(main.value("keel_wal_stream_connected{application_name=\"" + receiver + "\"}"))
                        .hasValue(1);
                assertThat(main.number("keel_wal_stream_lag_bytes{application_name=\"" + receiver + "\"}"))
                        .isNotNegative();
            }
        }
    }
}
