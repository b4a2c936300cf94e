package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.app.JsonOutput;
import dev.keel.insight.Insight;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statements page from real pg_stat_statements snapshots, taken through the Insight facade. */
@WithPostgres
class StatementsPageIT {
    static final String BLOCK = "<script type=\"application/json\" id=\"statements-chart-data\">";

    private final TestCluster cluster;

    StatementsPageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void ranksTheWindowsStatementsAndChartsEachSnapshotAsAPointWithTheTextEscaped(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE \"<script>\" (id int PRIMARY KEY)");
        cluster.execute(db, "INSERT INTO \"<script>\" SELECT generate_series(1, 100)");
        Insight insight = Insight.configure()
                .projectDir(dir)
                .env(Map.of())
                .connections(TestConnections.of(cluster, db))
                .load();
        long first = insight.snapshot().id();
        lookUp(db, 50);
        insight.snapshot();
        lookUp(db, 30);
        long last = insight.snapshot().id();

        HttpResponse<String> response = Fetch.page(
                new StatementsPage(TestConnections.of(cluster, db), "keel", Clock.systemUTC()),
                "/statements?window=1h&by=calls");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        String escapedQuery = "SELECT * FROM &quot;&lt;script&gt;&quot; WHERE id = $1";
        assertThat(page)
                .contains("<td>1</td>")
                .contains(escapedQuery)
                .contains("<a href=\"/statements?window=1h&amp;by=calls\" class=\"active\">calls</a>")
                .contains("<div class=\"chart\" data-chart=\"statements-chart-data\"></div>");
        String row =
                page.substring(page.indexOf("<tr><td>1</td>"), page.indexOf("</tr>", page.indexOf("<tr><td>1</td>")));
        assertThat(row).contains("<td>80</td>", escapedQuery);

        String json =
                page.substring(page.indexOf(BLOCK) + BLOCK.length(), page.indexOf("</script>", page.indexOf(BLOCK)));
        assertThat(json).doesNotContain("<", ">");
        JsonNode chart = JsonOutput.mapper().readTree(json);
        assertThat(chart.get("x"))
                .as("one point per snapshot %d..%d", first, last)
                .hasSize(3);
        int series = -1;
        for (int i = 0; i < chart.get("labels").size(); i++) {
            if (chart.get("labels").get(i).asText().contains("FROM \"<script>\" WHERE id = $1")) {
                series = i;
            }
        }
        assertThat(series).as("the top statement is charted").isEqualTo(0);
        JsonNode points = chart.get("series").get(series);
        assertThat(points.get(0).isNull())
                .as("nothing before the first snapshot")
                .isTrue();
        assertThat(points.get(1).isNumber())
                .as("the statement first appears in the second snapshot")
                .isTrue();
        assertThat(points.get(1).asDouble()).isPositive();
        assertThat(points.get(2).isNumber()).isTrue();
        assertThat(points.get(2).asDouble()).isPositive();
        assertThat(chart.get("x").get(0).asLong())
                .isLessThan(chart.get("x").get(2).asLong() + 1);
    }

    @Test
    void withoutASnapshotThePageSaysHowOneIsTakenAndTakesNone(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();

        String page = Fetch.page(
                        new StatementsPage(TestConnections.of(cluster, db), "keel", Clock.systemUTC()), "/statements")
                .body();

        assertThat(page).contains("No statement snapshot yet");
        assertThat(cluster.queryString(db, "SELECT to_regclass('keel.stat_snapshot') IS NULL"))
                .isEqualTo("t");
    }

    private void lookUp(String db, int times) throws Exception {
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            for (int i = 0; i < times; i++) {
                s.executeQuery("SELECT * FROM \"<script>\" WHERE id = " + (i % 100 + 1))
                        .close();
            }
        }
    }
}
