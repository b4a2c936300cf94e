package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.stats.RunningStatements;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Advice with the values the workload really uses, sampled from pg_stat_activity while it runs.
 * orders.status is 'shipped' for 199 rows in 200 and 'pending' for the rest: the generic plan of
 * {@code status = $1} assumes half the rows either way, so only the values tell an index apart from a waste.
 */
@WithPostgres
class SampledValuesAdvisorIT {
    private static final String COUNT = "SELECT count(*), pg_sleep(0.02) FROM orders WHERE status = 'pending'";
    private final TestCluster cluster;

    SampledValuesAdvisorIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    static void needsHypopgAndQueryIds(TestCluster cluster) throws Exception {
        assumeTrue(cluster.majorVersion() >= 14, "pg_stat_activity.query_id needs PostgreSQL 14");
        try (Connection c = cluster.connect()) {
            assumeTrue(HypoPg.available(c), "hypopg is not installed for PostgreSQL " + cluster.majorVersion());
        }
    }

    @Test
    void proposesAnIndexForARareValueTheGenericPlanCannotSee() throws Exception {
        String db = database();
        IndexAdvice advice = adviseWhileRunning(db, RunningStatements.literal(cluster, db, COUNT));

        assertThat(advice.proposals()).singleElement().satisfies(p -> {
            assertThat(p.table() + p.columns()).isEqualTo("orders[status]");
            assertThat(p.helps()).singleElement().satisfies(g -> {
                assertThat(g.query()).contains("status = $2");
                assertThat(g.evidence()).startsWith("custom plans for 1 sampled value set");
                assertThat(g.factor()).isGreaterThanOrEqualTo(2.0);
            });
        });
    }

    @Test
    void proposesNothingWhenTheSampledValueCoversMostRows() throws Exception {
        String db = database();
        IndexAdvice advice =
                adviseWhileRunning(db, RunningStatements.literal(cluster, db, COUNT.replace("pending", "shipped")));

        assertThat(advice.notes()).anySatisfy(n -> assertThat(n).contains("stored for 1 statement"));
        assertThat(advice.proposals()).isEmpty();
    }

    @Test
    void boundValuesAreNotSeenSoTheGenericPlanDecidesAndTheOutputSaysSo() throws Exception {
        String db = database();
        IndexAdvice advice = adviseWhileRunning(db, RunningStatements.bound(cluster, db, COUNT));

        assertThat(advice.notes())
                .anySatisfy(n -> assertThat(n).contains("showed no values"))
                .anySatisfy(n -> assertThat(n).contains("judged by the generic plan"));
        assertThat(advice.proposals()).isEmpty();
    }

    private IndexAdvice adviseWhileRunning(String db, RunningStatements load) throws Exception {
        try (load;
                Connection c = cluster.connect(db)) {
            return IndexAdvisor.advise(c, ShopLoad.options().observing(Duration.ofSeconds(1)));
        }
    }

    private String database() {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
                CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric NOT NULL);
                INSERT INTO orders SELECT g, CASE WHEN g % 200 = 0 THEN 'pending' ELSE 'shipped' END, g % 97
                FROM generate_series(1, 40000) g;
                ANALYZE orders;
                """);
        return db;
    }
}
