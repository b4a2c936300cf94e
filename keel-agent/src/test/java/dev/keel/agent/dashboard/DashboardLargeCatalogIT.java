package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.http.AgentServer;
import dev.keel.agent.http.AgentStatus;
import dev.keel.backup.Backups;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.insight.Insight;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page, wired as keel up wires them, on a database with 1,000 tables: each renders whole (bounded queries, no
 * per-table loop to time out), and a table named as markup shows as text. No timing threshold: the benchmark measures.
 */
@WithPostgres
class DashboardLargeCatalogIT {
    private final TestCluster cluster;

    DashboardLargeCatalogIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void everyPageRendersOnAThousandTables(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                DO $$
                BEGIN
                  FOR i IN 1..999 LOOP
                    EXECUTE format('CREATE TABLE t_%s (id bigint PRIMARY KEY, note text)', i);
                  END LOOP;
                END $$;
                CREATE TABLE "<script>alert(1)</script>" (id bigint PRIMARY KEY);
                SELECT count(*) FROM "<script>alert(1)</script>";
                """);
        TestProject.in(dir);
        KeelYaml config = ConfigLoader.load(dir, null, Map.of());
        ConnectionSource connections = TestConnections.of(cluster, db);
        Insight insight = Insight.configure()
                .config(config)
                .env(Map.of())
                .connections(connections)
                .load();
        insight.snapshot();
        cluster.execute(db, "SELECT count(*) FROM \"<script>alert(1)</script>\"");
        insight.snapshot();
        KeptReports.keep(cluster, db, insight.doctor(), Instant.now());
        Dashboard dashboard = Dashboard.of(
                config,
                connections,
                () -> Backups.configure().config(config).env(Map.of()).load(),
                () -> new AgentStatus("standby", "up", List.of(), List.of()),
                Clock.systemUTC());

        try (AgentServer server = Fetch.serve(dashboard.withPages(Map.of()))) {
            for (DashboardPage page : dashboard.pages()) {
                HttpResponse<String> response = Fetch.get(server, page.path());
                assertThat(response.statusCode()).as(page.path()).isEqualTo(200);
                assertThat(response.body())
                        .as(page.path())
                        .contains("<h1>" + Html.escape(page.title()) + "</h1>")
                        .doesNotContain("class=\"error\"", "<script>alert");
            }
            assertThat(Fetch.get(server, "/statements").body())
                    .contains("SELECT count(*) FROM &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
            assertThat(Fetch.get(server, "/backups").body()).contains("No backup repository is configured");
        }
    }
}
