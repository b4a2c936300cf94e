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
 * keel_replica_* on a primary with one standby streaming and one replica keel made (in keel.replicas) that is gone:
 * the first connected with its lag, the second disconnected with the WAL its slot keeps.
 */
@WithPostgres
class ReplicaGaugesIT {
    @TempDir
    Path dir;

    @Test
    void aStreamingStandbyAndAReplicaKeelMadeThatIsGoneAreBothShown(TestCluster primary) {
        primary.execute("postgres", "create schema if not exists keel");
        primary.execute(
                "postgres",
                "create table keel.replicas (name text primary key, slot_name text, target_dir text not null,"
                        + " made_on text not null, source text not null, created_at timestamptz not null default now())");
        primary.execute("postgres", "select pg_create_physical_replication_slot('gone_slot', true)");
        primary.execute(
                "postgres",
                "insert into keel.replicas (name, slot_name, target_dir, made_on, source)"
                        + " values ('gone_replica', 'gone_slot', '/srv/gone', 'app-1', 'stream')");
        try (TestCluster standby = primary.startStandby()) {
            String receiver = Eventually.await(
                    Duration.ofSeconds(60),
                    "the standby to stream",
                    () -> primary.queryString(
                            "postgres",
                            // A standby streams before its first reply tells the primary its replay position.
                            "select application_name from pg_stat_replication where state = 'streaming'"
                                    + " and replay_lsn is not null"),
                    name -> name != null);
            Path project = MetricsFixture.project(dir.resolve("project"), "");
            try (MetricsFixture onPrimary = MetricsFixture.bind(
                    primary.port(), "postgres", TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
                ScrapeText scrape = onPrimary.scrape();

                assertThat(scrape.value("keel_replica_connected{keel=\"false\",replica=\"" + receiver + "\"}"))
                        .hasValue(1);
                assertThat(scrape.number("keel_replica_lag_bytes{keel=\"false\",replica=\"" + receiver + "\"}"))
                        .isNotNegative();
                assertThat(scrape.value("keel_replica_connected{keel=\"true\",replica=\"gone_replica\"}"))
                        .hasValue(0);
                assertThat(scrape.number(
                                "keel_replica_slot_retained_bytes{replica=\"gone_replica\",slot_name=\"gone_slot\"}"))
                        .isPositive();
                assertThat(scrape.named("keel_replica_lag_bytes")).hasSize(1);
                assertThat(scrape.value("keel_scrape_query_success{query=\"replicas\"}"))
                        .hasValue(1);
            }
        } finally {
            primary.execute("postgres", "select pg_drop_replication_slot('gone_slot')");
            primary.execute("postgres", "drop table keel.replicas");
        }
    }
}
