package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** orders.customer_email copied from users.email, under writers on both tables at once. */
@WithPostgres
class CachedColumnIT {
    private static final CachedColumnDefinition EMAIL = new CachedColumnDefinition(
            "public", "orders", "customer_email", "text", "user_id", "users", "email", "id", "id");

    private final TestCluster cluster;

    CachedColumnIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private String shop() throws SQLException {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE users (id int PRIMARY KEY, email text)");
        cluster.execute(
                db,
                "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id int, amount int)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'u' || g || '@old' FROM generate_series(1, 50) g");
        cluster.execute(db, "INSERT INTO orders (user_id, amount) SELECT g % 60, g FROM generate_series(1, 3000) g");
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : CachedColumnSql.create(EMAIL)) {
                s.execute(sql);
            }
            c.commit();
        }
        return db;
    }

    private long drifted(String db) throws SQLException {
        try (Connection c = cluster.connect(db);
                PreparedStatement s = c.prepareStatement(CachedColumnSql.drifted(EMAIL))) {
            s.setInt(1, 1_000_000);
            long n = 0;
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void bothSidesKeepTheCopyRightUnderConcurrentWritersAndRepairFillsTheRest() throws Exception {
        String db = shop();
        assertThat(drifted(db)).as("existing rows before their fill").isEqualTo(2500);
        cluster.execute(db, CachedColumnSql.repair(EMAIL));
        assertThat(drifted(db)).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(writer);
                try (Connection c = cluster.connect(db);
                        Statement s = c.createStatement()) {
                    for (int i = 0; i < 300; i++) {
                        int user = 1 + random.nextInt(55);
                        String sql = switch ((writer + i) % 5) {
                            case 0 ->
                                "UPDATE users SET email = 'u" + user + "@" + writer + "." + i + "' WHERE id = " + user;
                            case 1 -> "INSERT INTO orders (user_id, amount) VALUES (" + user + ", 1)";
                            case 2 ->
                                "UPDATE orders SET user_id = " + user + " WHERE id = " + (1 + random.nextInt(3000));
                            case 3 ->
                                "INSERT INTO users VALUES (" + (100 + writer * 1000 + i)
                                        + ", 'new') ON CONFLICT DO NOTHING";
                            default ->
                                "BEGIN; UPDATE users SET email = 'rolled back' WHERE id = " + user
                                        + "; INSERT INTO orders (user_id, amount) VALUES (" + user
                                        + ", 2); ROLLBACK";
                        };
                        executeRetryingDeadlocks(s, sql);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        cluster.execute(db, "UPDATE users SET id = id + 500 WHERE id = 7");
        cluster.execute(db, "DELETE FROM users WHERE id = 8");
        cluster.execute(
                db,
                "INSERT INTO users VALUES (55, 'late@arrival') ON CONFLICT (id) DO UPDATE SET email = excluded.email");

        assertThat(drifted(db)).isZero();
        assertThat(cluster.queryString(
                        db, "SELECT count(*) FROM orders WHERE user_id = 7 AND customer_email IS NOT NULL"))
                .as("the referenced row's key moved away")
                .isEqualTo("0");
        assertThat(cluster.queryString(db, "SELECT DISTINCT customer_email FROM orders WHERE user_id = 55"))
                .isEqualTo("late@arrival");
    }

    /**
     * Orders moved between users while those users' emails change can still deadlock (see create_projection.md); the
     * writers retry as an application would, and the copies must be right whatever PostgreSQL aborted.
     */
    private static void executeRetryingDeadlocks(Statement s, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                // The aborted statement may have been inside the writer's BEGIN.
                s.execute("ROLLBACK");
            }
        }
    }

    @Test
    void anUpdateThatKeepsTheKeyDoesNotWaitForTheReferencedRow() throws Exception {
        String db = shop();
        cluster.execute(db, CachedColumnSql.repair(EMAIL));
        try (Connection app = cluster.connect(db);
                Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT * FROM orders WHERE id = 3 FOR UPDATE");
            CompletableFuture<Void> emailChange = CompletableFuture.runAsync(
                    () -> cluster.execute(db, "UPDATE users SET email = 'moved@shop' WHERE id = 3"));
            Eventually.await(
                    Duration.ofMinutes(1),
                    "the email change to wait for order 3",
                    () -> "1"
                            .equals(cluster.queryString(
                                    db,
                                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                            + " AND query LIKE 'UPDATE users%'")));
            // Before, this update read user 3 FOR SHARE and waited for the email change, which waits for this
            // transaction: a deadlock PostgreSQL broke by aborting one of the two.
            s.execute("UPDATE orders SET amount = amount + 1 WHERE id = 3");
            s.execute("UPDATE orders SET customer_email = 'forged' WHERE id = 6");
            app.commit();
            emailChange.get(1, TimeUnit.MINUTES);
        }
        assertThat(cluster.queryString(
                        db, "SELECT string_agg(DISTINCT customer_email, ',') FROM orders WHERE user_id = 3"))
                .isEqualTo("moved@shop");
        assertThat(cluster.queryString(db, "SELECT customer_email FROM orders WHERE id = 6"))
                .as("a copy written by hand is computed again")
                .isEqualTo("u6@old");
        assertThat(drifted(db)).isZero();
    }

    @Test
    void anUpdateThatWritesTheSameValuesLeavesTheCopiesAlone() throws Exception {
        String db = shop();
        cluster.execute(db, CachedColumnSql.repair(EMAIL));
        String calls = "SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'keel_copy_"
                + "orders_customer_email_spread'";
        try (Connection app = cluster.connect(db);
                Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SET LOCAL track_functions = 'pl'");
            // What an ORM saving the whole row writes: every column, the same values.
            s.execute("UPDATE users SET id = id, email = email WHERE id BETWEEN 1 AND 10");
            assertThat(scalar(s, calls)).as("spread calls for unchanged rows").isEqualTo("0");
            s.execute("UPDATE users SET email = email || '.x' WHERE id = 4");
            assertThat(scalar(s, calls)).isEqualTo("1");
            app.commit();
        }
        assertThat(cluster.queryString(db, "SELECT DISTINCT customer_email FROM orders WHERE user_id = 4"))
                .isEqualTo("u4@old.x");
        assertThat(drifted(db)).isZero();
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void rolesWithRightsOnOneTableAloneWriteIt() throws Exception {
        String db = shop();
        String orders = "orders_" + db;
        String users = "users_" + db;
        cluster.execute(db, "CREATE ROLE " + orders + " LOGIN; CREATE ROLE " + users + " LOGIN");
        cluster.execute(db, "GRANT SELECT, INSERT ON orders TO " + orders + "; GRANT SELECT ON users TO " + orders);
        cluster.execute(db, "GRANT SELECT, UPDATE ON users TO " + users);
        as(db, orders, "INSERT INTO orders (user_id, amount) VALUES (3, 1)");
        as(db, users, "UPDATE users SET email = 'by-app@shop' WHERE id = 3");

        assertThat(cluster.queryString(
                        db, "SELECT string_agg(DISTINCT customer_email, ',') FROM orders WHERE user_id = 3"))
                .isEqualTo("by-app@shop");
    }

    private void as(String db, String role, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db).replace("user=postgres", "user=" + role));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void driftMadeBehindTheTriggersBackIsFoundAndRepaired() throws Exception {
        String db = shop();
        cluster.execute(db, CachedColumnSql.repair(EMAIL));
        cluster.execute(db, "ALTER TABLE orders DISABLE TRIGGER " + EMAIL.trigger("copy"));
        cluster.execute(db, "UPDATE orders SET customer_email = 'wrong' WHERE id % 100 = 0");
        cluster.execute(db, "ALTER TABLE orders ENABLE TRIGGER " + EMAIL.trigger("copy"));
        assertThat(drifted(db)).isEqualTo(30);

        cluster.execute(db, CachedColumnSql.repair(EMAIL));

        assertThat(drifted(db)).isZero();
        for (String sql : CachedColumnSql.drop(EMAIL)) {
            cluster.execute(db, sql);
        }
        assertThat(cluster.queryString(
                        db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'customer_email'"))
                .isEqualTo("0");
        cluster.execute(db, "UPDATE users SET email = 'after' WHERE id = 1");
    }
}
