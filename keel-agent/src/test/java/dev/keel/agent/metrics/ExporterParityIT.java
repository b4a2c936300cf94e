package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.Prerequisites;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's prometheus-postgres-exporter (0.11) and the agent scrape the same cluster: every series the exporter shows
 * for the metrics the agent claims to share (docs/metrics.md) must appear in the agent's scrape with the same name and
 * labels, so a dashboard or alert rule written for the exporter finds it.
 */
@WithPostgres
class ExporterParityIT {
    static final Path EXPORTER = Path.of("/usr/bin/prometheus-postgres-exporter");
    static final List<String> SHARED = List.of(
            "pg_up",
            "pg_static",
            "pg_stat_database_",
            "pg_stat_activity_count",
            "pg_stat_activity_max_tx_duration",
            "pg_database_size_bytes",
            "pg_replication_slots_active",
            "pg_replication_slots_pg_wal_lsn_diff");

    @TempDir
    Path dir;

    @Test
    void everySharedSeriesOfTheExporterIsInTheAgentsScrape(TestCluster cluster) throws Exception {
        Prerequisites.require(
                Files.isExecutable(EXPORTER),
                "KEEL_TEST_REQUIRE_POSTGRES_EXPORTER",
                "Debian's prometheus-postgres-exporter is not installed");
        cluster.execute("postgres", "select pg_create_physical_replication_slot('parity_slot', true)");
        int port = PostgresCluster.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("exporter.log").toFile());
        builder.environment()
                .put(
                        "DATA_SOURCE_NAME",
                        "postgresql://" + TestCluster.SUPERUSER + "@127.0.0.1:" + cluster.port()
                                + "/postgres?sslmode=disable");
        Process exporter = builder.start();
        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(),
                "postgres",
                TestCluster.SUPERUSER,
                MetricsFixture.project(dir.resolve("project"), ""),
                MetricsFixture.stillClock())) {
            ScrapeText theirs = Eventually.await(
                    Duration.ofSeconds(30),
                    "the exporter to answer on port " + port,
                    () -> fetch("http://127.0.0.1:" + port + "/metrics"),
                    text -> text != null && text.value("pg_up").isPresent());
            ScrapeText ours = fixture.scrape();

            List<String> shared = theirs.series().keySet().stream()
                    .filter(key -> SHARED.stream().anyMatch(key::startsWith))
                    .toList();
            assertThat(shared).contains("pg_up").anyMatch(k -> k.startsWith("pg_stat_database_xact_commit{"));
            assertThat(shared).anyMatch(k -> k.startsWith("pg_replication_slots_active{"));
            assertThat(ours.series().keySet()).containsAll(shared);
            assertThat(ours.value("pg_up")).isEqualTo(theirs.value("pg_up"));
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
            cluster.execute("postgres", "select pg_drop_replication_slot('parity_slot')");
        }
    }

    static ScrapeText fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? ScrapeText.of(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
