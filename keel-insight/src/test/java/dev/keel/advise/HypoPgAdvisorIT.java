package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Prerequisites;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Index advice verified with hypopg, on the machine's PostgreSQL (15 with postgresql-15-hypopg,
 * which .ci/run installs). Skipped with the reason where hypopg is not installed, but failed where
 * KEEL_TEST_REQUIRE_HYPOPG=1 says it was (.ci/run sets it after installing the package).
 */
@WithPostgres
class HypoPgAdvisorIT {
    private final TestCluster cluster;

    HypoPgAdvisorIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    static void needsHypopg(TestCluster cluster) throws Exception {
        try (Connection c = cluster.connect()) {
            Prerequisites.require(
                    HypoPg.available(c),
                    "KEEL_TEST_REQUIRE_HYPOPG",
                    "hypopg is not installed for PostgreSQL " + cluster.majorVersion()
                            + " here (apt-get install postgresql-" + cluster.majorVersion()
                            + "-hypopg; .ci/run does it)");
        }
    }

    @Test
    void proposesTheMissingIndexOnOrdersUserIdAndThePlannerUsesItOnceBuilt() throws Exception {
        String db = ShopLoad.database(cluster);
        ShopLoad.run(cluster, db, ShopLoad.BY_USER, 1, 300);

        IndexAdvice advice;
        try (Connection c = cluster.connect(db)) {
            advice = IndexAdvisor.advise(c, ShopLoad.options());
        }

        assertThat(advice.verifiedWith()).isEqualTo("hypopg");
        assertThat(advice.proposals()).singleElement().satisfies(p -> {
            assertThat(p.table()).isEqualTo("orders");
            assertThat(p.columns()).containsExactly("user_id");
            assertThat(p.helps()).singleElement().satisfies(g -> {
                assertThat(g.query()).contains("user_id = $1");
                assertThat(g.factor()).isGreaterThanOrEqualTo(2.0);
                assertThat(g.costAfter()).isLessThan(g.costBefore());
            });
            assertThat(p.estimatedBytes()).isPositive();
            assertThat(p.writesPerSecond()).isPositive();
            assertThat(p.migration())
                    .contains(
                            "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"orders_user_id_idx\" ON \"public\".\"orders\" (\"user_id\");");
        });

        // The proposal, built for real, is what the planner picks for the statement.
        cluster.execute(db, advice.proposals().get(0).sql());
        assertThat(plan(db, "EXPLAIN SELECT id, total FROM orders WHERE user_id = 42"))
                .contains("orders_user_id_idx");
    }

    @Test
    void proposesNothingWhenTheIndexExists() throws Exception {
        String db = ShopLoad.database(cluster);
        cluster.execute(db, "CREATE INDEX orders_by_user ON orders (user_id, created_at)");
        ShopLoad.run(cluster, db, ShopLoad.BY_USER, 1, 300);

        try (Connection c = cluster.connect(db)) {
            assertThat(IndexAdvisor.advise(c, ShopLoad.options()).proposals()).isEmpty();
        }
    }

    @Test
    void proposesNoIndexThePlannerWouldNotUseForAFilterMatchingMostRows() throws Exception {
        String db = ShopLoad.database(cluster);
        ShopLoad.run(cluster, db, ShopLoad.BY_STATUS, "paid", 300);

        try (Connection c = cluster.connect(db)) {
            IndexAdvice advice = IndexAdvisor.advise(c, ShopLoad.options());
            assertThat(advice.statementsExamined()).isPositive();
            assertThat(advice.proposals()).isEmpty();
            // hypopg's indexes live in the session only and are reset after each candidate.
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM hypopg_list_indexes")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private String plan(String db, String explain) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                text.append(rs.getString(1)).append('\n');
            }
        }
        return text.toString();
    }
}
