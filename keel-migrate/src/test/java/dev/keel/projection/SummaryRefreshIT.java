package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** A summary of orders per day and product, installed as create_summary installs it, against its own query. */
@WithPostgres
class SummaryRefreshIT {
    private static final String QUERY = "SELECT date_trunc('day', o.created_at) AS day, product_id, count(*) AS orders,"
            + " sum(amount) AS revenue, max(amount) AS largest FROM orders o WHERE amount > 0 GROUP BY 1, product_id";

    private final TestCluster cluster;

    SummaryRefreshIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private SummaryDefinition install(String db, Long lateSeconds) throws Exception {
        cluster.execute(
                db,
                "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT"
                        + " NULL, product_id int, amount numeric NOT NULL)");
        cluster.execute(db, "CREATE INDEX ON orders (created_at)");
        cluster.execute(
                db,
                "INSERT INTO orders (created_at, product_id, amount) SELECT now() - (g % 500) * interval '1 hour',"
                        + " g % 7, (g % 50) - 3 FROM generate_series(1, 20000) g");
        SummaryDefinition d = new SummaryDefinition(
                "public", "daily_sales", QUERY, "created_at", "timestamp with time zone", 60, lateSeconds, "UTC");
        SummaryQuery q = SummaryQuery.parse(QUERY, "created_at");
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL search_path = public");
            for (String sql : SummarySql.create(d, q)) {
                s.execute(sql);
            }
            c.commit();
        }
        return d;
    }

    private long differences(String db) {
        return Long.parseLong(cluster.queryString(
                db,
                "SELECT count(*) FROM ((TABLE daily_sales EXCEPT ALL (" + QUERY + ")) UNION ALL ((" + QUERY
                        + ") EXCEPT ALL TABLE daily_sales)) x"));
    }

    private SummaryRefresh.Result refresh(String db, SummaryDefinition d) throws SQLException {
        try (Connection c = cluster.connect(db)) {
            return new SummaryRefresh(c).run(d);
        }
    }

    @Test
    void theFirstRefreshFillsEveryBucketAndLaterOnesRecomputeOnlyWhatChanged() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales")).isEqualTo("0");

        SummaryRefresh.Result first = refresh(db, d);
        assertThat(first.ranges()).isEqualTo(1);
        assertThat(differences(db)).isZero();
        assertThat(refresh(db, d).ranges()).as("nothing changed").isZero();

        Random random = new Random(7);
        for (int round = 0; round < 5; round++) {
            int hoursAgo = random.nextInt(480);
            cluster.execute(
                    db,
                    "INSERT INTO orders (created_at, product_id, amount) SELECT now() - interval '" + hoursAgo
                            + " hours', g % 9, g FROM generate_series(1, 40) g");
            cluster.execute(
                    db,
                    "UPDATE orders SET amount = amount + 5, product_id = product_id + 1 WHERE id % 97 = "
                            + random.nextInt(97));
            cluster.execute(
                    db,
                    "UPDATE orders SET created_at = created_at - interval '3 days' WHERE id % 101 = "
                            + random.nextInt(101));
            cluster.execute(db, "DELETE FROM orders WHERE id % 89 = " + random.nextInt(89));
            // A late row: an order from ten days ago arrives now.
            cluster.execute(
                    db,
                    "INSERT INTO orders (created_at, product_id, amount) VALUES (now() - interval '10 days', 3, 11)");
            assertThat(differences(db)).as("stale before refresh").isPositive();

            SummaryRefresh.Result r = refresh(db, d);

            assertThat(r.ranges()).isPositive();
            assertThat(differences(db)).as("round " + round).isZero();
        }
        cluster.execute(
                db, "BEGIN; INSERT INTO orders (created_at, product_id, amount) VALUES (now(), 1, 1); ROLLBACK");
        assertThat(refresh(db, d).ranges())
                .as("a rolled-back write leaves nothing pending")
                .isZero();

        cluster.execute(db, "TRUNCATE orders");
        refresh(db, d);
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales")).isEqualTo("0");
    }

    @Test
    void aRefreshKilledMidwayRollsBackAndTheNextOneDoesItsWork() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        refresh(db, d);
        cluster.execute(
                db, "INSERT INTO orders (created_at, product_id, amount) VALUES (now() - interval '2 days', 5, 9)");

        try (Connection blocker = cluster.connect(db);
                Connection victim = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE daily_sales IN ACCESS EXCLUSIVE MODE");
            String pid = String.valueOf(victim.unwrap(PGConnection.class).getBackendPID());
            CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
                try {
                    new SummaryRefresh(victim).run(d);
                } catch (SQLException e) {
                    // expected: the backend is terminated while it waits on the summary
                }
            });
            // The refresh has consumed its pending range and waits for the summary's lock when it is killed.
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the refresh waiting for the summary's lock",
                    () -> cluster.queryString(db, "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = " + pid)
                            .equals("1"));
            cluster.execute(db, "SELECT pg_terminate_backend(" + pid + ")");
            killed.get(10, TimeUnit.SECONDS);
            blocker.rollback();
        }
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales_pending"))
                .isEqualTo("1");

        refresh(db, d);

        assertThat(differences(db)).isZero();
    }

    @Test
    void aRoleThatMayWriteTheTableAloneStillHasItsWritesRecorded() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        refresh(db, d);
        String role = "writer_" + db;
        cluster.execute(db, "CREATE ROLE " + role + " LOGIN; GRANT INSERT, DELETE, SELECT ON orders TO " + role);
        try (Connection c = java.sql.DriverManager.getConnection(
                        cluster.jdbcUrl(db).replace("user=postgres", "user=" + role));
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO orders (created_at, product_id, amount) VALUES (now() - interval '3 days', 2, 8)");
            s.execute("DELETE FROM orders WHERE id = 5");
        }

        refresh(db, d);

        assertThat(differences(db)).isZero();
    }

    @Test
    void withLateSetChangesToOlderRowsAreNotApplied() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, 86_400L * 3);
        refresh(db, d);
        String before = cluster.queryString(db, "SELECT sum(orders) FROM daily_sales");

        cluster.execute(db, "DELETE FROM orders WHERE created_at < now() - interval '5 days'");
        cluster.execute(
                db, "INSERT INTO orders (created_at, product_id, amount) VALUES (now() - interval '1 day', 2, 4)");
        refresh(db, d);

        assertThat(Long.parseLong(cluster.queryString(db, "SELECT sum(orders) FROM daily_sales")))
                .as("old buckets kept after their rows were deleted, the recent row counted")
                .isEqualTo(Long.parseLong(before) + 1);
    }

    private SummaryRefresh.Result refreshInPieces(String db, SummaryDefinition d, int transactions)
            throws SQLException {
        try (Connection c = cluster.connect(db)) {
            // About 2 of the 21 days' rows per piece.
            return new SummaryRefresh(c, 2_000).run(d, transactions);
        }
    }

    @Test
    void aLargeRefreshIsCutIntoPiecesEachConsumingOnlyWhatItRecomputed() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        cluster.execute(db, "ANALYZE orders");

        SummaryRefresh.Result first = refreshInPieces(db, d, 3);

        assertThat(first.transactions()).isEqualTo(3);
        assertThat(differences(db)).as("the later days are not filled yet").isPositive();
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales_pending"))
                .as("one range left, from the third piece's cut to the end")
                .isEqualTo("1");

        // Writes into days already filled and into days still pending, between pieces.
        cluster.execute(
                db,
                "INSERT INTO orders (created_at, product_id, amount) SELECT now() - g * interval '1 day', 4, g FROM"
                        + " generate_series(0, 20) g");
        cluster.execute(db, "DELETE FROM orders WHERE id % 13 = 0");
        SummaryRefresh.Result rest = refreshInPieces(db, d, Integer.MAX_VALUE);

        assertThat(rest.transactions()).isGreaterThan(1);
        assertThat(differences(db)).isZero();
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales_pending"))
                .isEqualTo("0");

        cluster.execute(db, "TRUNCATE orders");
        SummaryRefresh.Result emptied = refreshInPieces(db, d, Integer.MAX_VALUE);
        assertThat(emptied.transactions()).as("nothing left to cut").isEqualTo(1);
        assertThat(cluster.queryString(db, "SELECT count(*) FROM daily_sales")).isEqualTo("0");
    }

    @Test
    void aTableWithoutAnIndexOnTheColumnIsRefreshedInOneTransaction() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        cluster.execute(db, "DROP INDEX orders_created_at_idx; ANALYZE orders");

        SummaryRefresh.Result r = refreshInPieces(db, d, Integer.MAX_VALUE);

        assertThat(r.transactions()).as("a piece would scan the whole table").isEqualTo(1);
        assertThat(differences(db)).isZero();
    }

    @Test
    void piecesStayExactWhileWritesCommitDuringThem() throws Exception {
        String db = cluster.createDatabase();
        SummaryDefinition d = install(db, null);
        cluster.execute(db, "ANALYZE orders");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            Random random = new Random(11);
            try (Connection c = cluster.connect(db);
                    Statement s = c.createStatement()) {
                while (!stop.get()) {
                    int hoursAgo = random.nextInt(520);
                    switch (random.nextInt(3)) {
                        case 0 ->
                            s.execute("INSERT INTO orders (created_at, product_id, amount) VALUES (now() - interval '"
                                    + hoursAgo + " hours', " + random.nextInt(9) + ", " + random.nextInt(40) + ")");
                        case 1 ->
                            s.execute("UPDATE orders SET amount = amount + 1, created_at = created_at - interval '"
                                    + random.nextInt(48) + " hours' WHERE id = " + (1 + random.nextInt(20000)));
                        default -> s.execute("DELETE FROM orders WHERE id = " + (1 + random.nextInt(20000)));
                    }
                    writes.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            for (int round = 0; round < 3; round++) {
                long before = writes.get();
                SummaryRefresh.Result r = refreshInPieces(db, d, Integer.MAX_VALUE);
                assertThat(r.transactions()).isPositive();
                Eventually.await(Duration.ofSeconds(30), "writes between refreshes", () -> writes.get() > before + 20);
            }
        } finally {
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);
        }

        refreshInPieces(db, d, Integer.MAX_VALUE);

        assertThat(differences(db)).isZero();
    }
}
