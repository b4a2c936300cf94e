package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.agent.http.ListenAddress;
import dev.keel.backup.Backups;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.Prerequisites;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus scrapes a running agent, and its query API answers with what the agent saw: the database up
 * and the end of a real backup in the repository.
 */
@WithPostgres
class PrometheusScrapeIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusStoresPgUpAndTheLastBackupFromTheAgent(TestCluster cluster, @TempDir Path dir) throws Exception {
        Prerequisites.require(
                Files.isExecutable(PROMETHEUS), "KEEL_TEST_REQUIRE_PROMETHEUS", "Debian's prometheus is not installed");
        String db = cluster.createDatabase();
        Files.writeString(dir.resolve("keel.yaml"), """
                backup:
                  repository: file://%s
                schedule:
                  snapshot: off
                  doctor: off
                  walStream: off
                  fullBackup: off
                  incrementalBackup: off
                  drill: off
                """.formatted(dir.resolve("repo")));
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load();
        backups.init();
        backups.backup();
        double backupEnded = backups.list().backups().get(0).stopTime().toEpochMilli() / 1000.0;

        KeelYaml config = ConfigLoader.load(dir, null, Map.of());
        Agent agent = Agent.configure()
                .config(config)
                .connections(source(cluster, db))
                .listen(new ListenAddress("127.0.0.1", 0))
                .load();
        agent.start();
        Process prometheus = null;
        try {
            int port = PostgresCluster.freePort();
            prometheus = startPrometheus(dir, agent.address(), port);
            URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
            Process running = prometheus;
            Eventually.await(
                    WAIT,
                    "Prometheus to have scraped pg_up 1 from the agent",
                    () -> running.isAlive() && "1".equals(value(api, "pg_up")),
                    () -> tail(dir.resolve("prometheus.log")));
            String stored = value(api, "keel_backup_last_success_timestamp_seconds{type=\"full\"}");
            assertThat(stored).isNotNull();
            assertThat(Double.parseDouble(stored)).isCloseTo(backupEnded, within(0.001));
            assertThat(value(api, "keel_backups{state=\"complete\"}")).isEqualTo("1");
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
            agent.stop(Duration.ofSeconds(10));
        }
    }

    private static Process startPrometheus(Path dir, ListenAddress agent, int port) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: keel
                    static_configs:
                      - targets: ['%s']
                """.formatted(agent));
        return new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }

    /** The sample's value of an instant query, or null while Prometheus has none (or does not answer yet). */
    private String value(URI api, String query) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            return result.isEmpty() ? null : result.get(0).path("value").get(1).asText();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return "prometheus.log: " + text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "prometheus.log unreadable: " + e.getMessage();
        }
    }

    private static ConnectionSource source(TestCluster cluster, String db) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return cluster.connect(db);
            }

            @Override
            public String describe() {
                return db;
            }
        };
    }
}
