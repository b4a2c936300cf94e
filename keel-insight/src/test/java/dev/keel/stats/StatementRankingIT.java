package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Ranking statements between two snapshots: by time, by calls, and across a reset of pg_stat_statements. */
@WithPostgres
class StatementRankingIT {
    private final TestCluster cluster;

    StatementRankingIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aSlowStatementLeadsByTotalTimeAndAFrequentOneByCalls() throws Exception {
        String db = cluster.createDatabase();
        StatementSnapshots snapshots = StatementSnapshots.inDefaultSchema();
        try (Connection c = cluster.connect(db)) {
            Snapshot before = snapshots.take(c);
            run(c, "SELECT pg_sleep(0.1)", 3);
            run(c, "SELECT 42 AS frequent", 200);
            Snapshot after = snapshots.take(c);

            Ranking byTotal = new StatementRanking("keel").between(c, before, after, RankBy.TOTAL, 5);
            RankedStatement slow = byTotal.statements().get(0);
            assertThat(slow.query()).contains("pg_sleep");
            assertThat(slow.calls()).isEqualTo(3);
            assertThat(slow.totalMs()).isGreaterThanOrEqualTo(300);
            assertThat(slow.meanMs()).isGreaterThanOrEqualTo(100);
            assertThat(slow.sharePercent()).isGreaterThan(50).isLessThanOrEqualTo(100);
            assertThat(byTotal.notes()).isEmpty();
            assertThat(byTotal.fromSnapshot()).isEqualTo(before.id());

            Ranking byCalls = new StatementRanking("keel").between(c, before, after, RankBy.CALLS, 1);
            assertThat(byCalls.statements()).singleElement().satisfies(s -> {
                assertThat(s.query()).contains("frequent");
                assertThat(s.calls()).isEqualTo(200);
                assertThat(s.rows()).isEqualTo(200);
            });
            assertThat(byCalls.statementCount()).isGreaterThanOrEqualTo(2);
            assertThat(byCalls.totalCalls()).isGreaterThanOrEqualTo(203);
        }
    }

    @Test
    void aResetBetweenSnapshotsCountsFromTheResetWithoutNegativeFigures() throws Exception {
        String db = cluster.createDatabase();
        StatementSnapshots snapshots = StatementSnapshots.inDefaultSchema();
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 7 AS before_reset", 50);
            Snapshot before = snapshots.take(c);
            cluster.execute(db, "SELECT pg_stat_statements_reset()");
            run(c, "SELECT 7 AS before_reset", 5);
            Snapshot after = snapshots.take(c);

            Ranking ranking = new StatementRanking("keel").between(c, before, after, RankBy.CALLS, 100);

            assertThat(ranking.statements()).allSatisfy(s -> {
                assertThat(s.calls()).isPositive();
                assertThat(s.totalMs()).isNotNegative();
                assertThat(s.rows()).isNotNegative();
                assertThat(s.sharedBlocksHit()).isNotNegative();
            });
            assertThat(ranking.statements())
                    .filteredOn(s -> s.query().contains("before_reset"))
                    .singleElement()
                    .extracting(RankedStatement::calls)
                    .isEqualTo(5L);
            assertThat(ranking.notes())
                    .anySatisfy(n -> assertThat(n).contains("was reset at").contains("shorter than asked"));
            if (cluster.majorVersion() >= 14) {
                assertThat(ranking.start()).isEqualTo(after.statementsResetAt()).isAfter(before.takenAt());
            }
        }
    }

    @Test
    void withoutAnOlderSnapshotFiguresCountSinceTheLastResetAndSaySo() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 9 AS lonely", 4);
            Snapshot only = new StatementSnapshots("keel").take(c);

            Ranking ranking = new StatementRanking("keel").between(c, null, only, RankBy.TOTAL, 100);

            assertThat(ranking.fromSnapshot()).isNull();
            assertThat(ranking.statements())
                    .filteredOn(s -> s.query().contains("lonely"))
                    .singleElement()
                    .extracting(RankedStatement::calls)
                    .isEqualTo(4L);
            assertThat(ranking.notes()).singleElement().asString().contains("keel stats snapshot");
        }
    }

    static void run(Connection c, String sql, int times) throws Exception {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < times; i++) {
                s.execute(sql);
            }
        }
    }
}
