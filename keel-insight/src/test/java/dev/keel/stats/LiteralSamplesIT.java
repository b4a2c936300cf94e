package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Sampling the values of running statements from pg_stat_activity (PostgreSQL 14 and later name the statement there). */
@WithPostgres
class LiteralSamplesIT {
    private static final String PENDING = "SELECT count(*), pg_sleep(0.02) FROM orders WHERE status = 'pending'";
    private final TestCluster cluster;

    LiteralSamplesIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void storesOnlyTheValuesOfLiteralStatementsAndCountsBoundOnesAsWithoutValues() throws Exception {
        assumeTrue(cluster.majorVersion() >= 14, "pg_stat_activity.query_id needs PostgreSQL 14");
        String db = database();
        LiteralSamples samples = new LiteralSamples("keel");
        LiteralSamples.Observation seen;
        try (Connection c = cluster.connect(db);
                RunningStatements literal =
                        RunningStatements.literal(cluster, db, PENDING, PENDING.replace("pending", "shipped"));
                RunningStatements bound = RunningStatements.bound(
                        cluster, db, "SELECT count(*), pg_sleep(0.02) FROM orders WHERE user_id::text = '7'")) {
            seen = samples.observe(c, Duration.ofSeconds(1), LiteralSamples.DEFAULT_INTERVAL);
        }

        assertThat(seen.stored()).isPositive();
        assertThat(seen.statements()).isEqualTo(1);
        assertThat(seen.withoutValues()).as("the bound statement shows $1").isPositive();
        assertThat(seen.describe()).contains("stored for 1 statement");
        String queryId =
                cluster.queryString(db, "SELECT queryid FROM pg_stat_statements WHERE query LIKE '%status = $2%'");
        try (Connection c = cluster.connect(db)) {
            LiteralSamples.Samples found =
                    samples.of(c, Long.parseLong(queryId), OffsetDateTime.now().minusHours(1), 5);
            assertThat(found.sets())
                    .extracting(LiteralSamples.Sample::literals)
                    .allSatisfy(l -> assertThat(l).hasSize(2).startsWith("0.02"))
                    .anySatisfy(l -> assertThat(l).containsExactly("0.02", "'pending'"));
            assertThat(found.observations()).isEqualTo(seen.stored());
        }
        // Values only: the statement's text is in pg_stat_statements, not copied next to them.
        assertThat(cluster.queryString(
                        db,
                        "SELECT count(*) FROM keel.stat_sample WHERE array_to_string(literals, ' ') LIKE '%orders%'"))
                .isEqualTo("0");
    }

    @Test
    void keepsTheNewestFiftyPerStatementAndPrunesWithTheSnapshots() throws Exception {
        assumeTrue(cluster.majorVersion() >= 14, "pg_stat_activity.query_id needs PostgreSQL 14");
        String db = database();
        LiteralSamples samples = new LiteralSamples("keel");
        try (Connection c = cluster.connect(db)) {
            try (RunningStatements running = RunningStatements.literal(cluster, db, PENDING)) {
                samples.observe(c, Duration.ofMillis(300), LiteralSamples.DEFAULT_INTERVAL);
                cluster.execute(
                        db,
                        "INSERT INTO keel.stat_sample (queryid, sampled_at, literals)"
                                + " SELECT queryid, now(), literals FROM keel.stat_sample, generate_series(1, 60) LIMIT 60");
                samples.observe(c, Duration.ofMillis(300), LiteralSamples.DEFAULT_INTERVAL);
            }
            assertThat(cluster.queryString(
                            db, "SELECT max(n) FROM (SELECT count(*) AS n FROM keel.stat_sample GROUP BY queryid) x"))
                    .isEqualTo("50");

            new StatementSnapshots("keel").prune(c, OffsetDateTime.now().plusMinutes(1));
            assertThat(cluster.queryString(db, "SELECT count(*) FROM keel.stat_sample"))
                    .isEqualTo("0");
        }
    }

    private String database() {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text NOT NULL);
                INSERT INTO orders SELECT g, g % 100, CASE WHEN g % 100 = 0 THEN 'pending' ELSE 'shipped' END FROM generate_series(1, 10000) g;
                ANALYZE orders;
                """);
        return db;
    }
}
