package dev.keel.stats;

import static dev.keel.stats.StatementRankingIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Ranking across a server restart between the snapshots: a clean restart keeps pg_stat_statements'
 * counters (so the older snapshot still subtracts), a crash loses them (so figures count from the restart).
 */
@WithPostgres
class RankingAcrossRestartsIT {
    private final TestCluster cluster;

    RankingAcrossRestartsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aCleanRestartKeepsTheCountersAndTheWindowWhole() throws Exception {
        String db = cluster.createDatabase();
        Snapshot before;
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 1 AS across_clean_restart", 30);
            before = StatementSnapshots.inDefaultSchema().take(c);
        }
        cluster.restart();
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 1 AS across_clean_restart", 4);
            Snapshot after = StatementSnapshots.inDefaultSchema().take(c);
            assertThat(after.serverStartedAt()).isAfter(before.serverStartedAt());

            Ranking ranking = new StatementRanking("keel").between(c, before, after, RankBy.CALLS, 100);

            RankedStatement statement = only(ranking, "across_clean_restart");
            assertThat(statement.calls()).isEqualTo(4);
            assertThat(ranking.start()).isEqualTo(before.takenAt());
            assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).contains("the server restarted at"));
            if (cluster.majorVersion() >= 14) {
                assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).contains("kept its statement counters"));
            }
            assertThat(ranking.statements())
                    .allSatisfy(s -> assertThat(s.calls()).isPositive());
        }
    }

    @Test
    void aCrashLosesTheCountersAndFiguresCountFromTheRestart() throws Exception {
        String db = cluster.createDatabase();
        Snapshot before;
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 2 AS across_crash", 30);
            before = StatementSnapshots.inDefaultSchema().take(c);
        }
        cluster.kill9();
        cluster.start();
        try (Connection c = cluster.connect(db)) {
            run(c, "SELECT 2 AS across_crash", 3);
            Snapshot after = StatementSnapshots.inDefaultSchema().take(c);

            Ranking ranking = new StatementRanking("keel").between(c, before, after, RankBy.TOTAL, 100);

            assertThat(only(ranking, "across_crash").calls()).isEqualTo(3);
            assertThat(ranking.statements()).allSatisfy(s -> {
                assertThat(s.calls()).isPositive();
                assertThat(s.totalMs()).isNotNegative();
                assertThat(s.sharedBlocksHit()).isNotNegative();
            });
            assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).contains("the server restarted at"));
            if (cluster.majorVersion() >= 14) {
                // stats_reset moved to the restart: the whole window counts from there, said so.
                assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).contains("lost the statement counters"));
                assertThat(ranking.start()).isEqualTo(after.statementsResetAt()).isAfter(before.takenAt());
            } else {
                assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).contains("counters went down"));
            }
        }
    }

    private static RankedStatement only(Ranking ranking, String marker) {
        return ranking.statements().stream()
                .filter(s -> s.query().contains(marker))
                .reduce((a, b) -> {
                    throw new AssertionError("two rows for " + marker);
                })
                .orElseThrow(() -> new AssertionError(marker + " not ranked: " + ranking));
    }
}
