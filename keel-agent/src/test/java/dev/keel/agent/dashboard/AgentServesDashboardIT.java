package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.Agent;
import dev.keel.agent.http.ListenAddress;
import dev.keel.config.ConfigLoader;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel up's agent mounts the dashboard next to /health and /metrics, behind the same guard. */
@WithPostgres
class AgentServesDashboardIT {
    private final TestCluster cluster;

    AgentServesDashboardIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void everyPageAndStaticFileIsServedWithTheSecurityHeadersAndNoSecret(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        TestProject.in(dir);
        String secret = "not-a-real-password-" + ProcessHandle.current().pid();
        Agent agent = Agent.configure()
                .config(ConfigLoader.load(dir, null, Map.of()))
                .connections(TestConnections.withPassword(cluster, db, secret))
                .listen(new ListenAddress("127.0.0.1", 0))
                .load();
        agent.start();
        try {
            // HTTP/1.1 as a browser speaks to it: the JDK client would otherwise ask for an h2c upgrade first.
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : new String[] {
                "/",
                "/statements",
                "/backups",
                "/schema",
                "/jobs",
                "/static/keel.css",
                "/static/charts.js",
                "/static/uplot.js",
                "/static/uplot.css"
            }) {
                HttpResponse<String> response;
                try {
                    response = client.send(
                            HttpRequest.newBuilder(URI.create("http://" + agent.address() + path))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new AssertionError("GET " + path + " got no response: " + e, e);
                }
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .as(path)
                        .hasValue("default-src 'self'; frame-ancestors 'none'");
                assertThat(response.body()).as(path).doesNotContain(secret);
            }
        } finally {
            agent.stop(Duration.ofSeconds(30));
        }
    }
}
