package dev.keel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.advise.IndexAdvice;
import dev.keel.doctor.DoctorReport;
import dev.keel.stats.RankBy;
import dev.keel.stats.Ranking;
import dev.keel.stats.Snapshot;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics, advice and the doctor through the facade alone, configured as an application would: keel.yaml in a
 * project directory (its schema), the database in code.
 */
@WithPostgres
class InsightIT {
    private static final String BY_USER = "SELECT id, total FROM orders WHERE user_id = ?";

    private final TestCluster cluster;
    private final String db;

    InsightIT(TestCluster cluster) {
        this.cluster = cluster;
        this.db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, total numeric NOT NULL);
                INSERT INTO orders SELECT g, 1 + g % 500, g % 97 FROM generate_series(1, 5000) g;
                ANALYZE orders;
                """);
    }

    @Test
    void snapshotThenTopRanksTheStatementsRunBetweenInKeelYamlsSchema(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "schema: insight_stats\n");
        Insight insight = Insight.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load();

        Snapshot before = insight.snapshot();
        assertThat(cluster.queryString(db, "select count(*) from insight_stats.stat_snapshot"))
                .isEqualTo("1");
        lookUpOrders(200);
        Ranking ranking = insight.top(Duration.ofHours(1), RankBy.CALLS, 5);

        assertThat(ranking.fromSnapshot()).isEqualTo(before.id());
        assertThat(ranking.statements()).first().satisfies(s -> {
            assertThat(s.query()).contains("FROM orders WHERE user_id = $1");
            assertThat(s.calls()).isEqualTo(200);
        });
        assertThat(insight.pruneSnapshots(Duration.ofDays(7)).deleted())
                .as("both snapshots are young")
                .isZero();
    }

    @Test
    void doctorRunsEveryCheckOnTheClassPath() {
        DoctorReport report = Insight.configure()
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load()
                .doctor();
        assertThat(report.checks()).contains("blocking-chains", "wraparound-age", "slowest-statements");
        assertThat(report.findings()).noneMatch(f -> f.summary().contains("could not run"));
        assertThat(report.hasCritical()).isFalse();
    }

    @Test
    void adviseIndexesProposesTheMissingIndexOnOrdersUserId() throws Exception {
        Insight insight = Insight.configure()
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load();
        lookUpOrders(300);
        // Other tests' statements in this cluster rank too: look at enough of them to reach the lookup.
        IndexAdvice advice = insight.adviseIndexes(insight.adviseOptions().withStatements(50));
        assertThat(advice.proposals()).as(advice.notes().toString()).anySatisfy(p -> {
            assertThat(p.table()).isEqualTo("orders");
            assertThat(p.columns()).containsExactly("user_id");
        });
    }

    private void lookUpOrders(int times) throws Exception {
        try (Connection c = cluster.connect(db);
                PreparedStatement s = c.prepareStatement(BY_USER)) {
            for (int i = 0; i < times; i++) {
                s.setLong(1, 1 + i % 500);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
        }
    }
}
