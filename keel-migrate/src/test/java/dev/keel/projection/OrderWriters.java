package dev.keel.projection;

import dev.keel.testing.Eventually;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers of the orders table, each in its own thread and on its own rows (so they never wait on each other's row
 * locks, and any wait would be the counter's): transactions of one to three statements that insert, move rows between
 * users (NULL included), change amounts, cancel and un-cancel, and delete; about one transaction in six is rolled
 * back.
 */
final class OrderWriters {
    private final String url;
    private final long seed;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();
    private volatile boolean running = true;

    OrderWriters(String url, long seed) {
        this.url = url;
        this.seed = seed;
    }

    OrderWriters start(int writers) {
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> write(writer), "order-writer-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    private void write(int writer) {
        Random random = new Random(seed + writer);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            while (running) {
                try {
                    int statements = 1 + random.nextInt(3);
                    for (int i = 0; i < statements; i++) {
                        statement(c, writer, random);
                    }
                    if (random.nextInt(6) == 0) {
                        c.rollback();
                        rollbacks.incrementAndGet();
                    } else {
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    errors.add(e.getMessage());
                    if (c.isClosed() || !c.isValid(1)) {
                        return;
                    }
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            errors.add(e.getMessage());
        }
    }

    private static Long user(Random random) {
        return random.nextInt(12) == 0 ? null : (long) random.nextInt(45);
    }

    private static void statement(Connection c, int writer, Random random) throws SQLException {
        switch (random.nextInt(6)) {
            case 0, 1 ->
                run(
                        c,
                        "insert into orders (writer, user_id, amount) select ?::int, ?::bigint, ?::int from generate_series(1, ?::int)",
                        writer,
                        user(random),
                        random.nextInt(500),
                        1 + random.nextInt(3));
            case 2 ->
                run(
                        c,
                        "update orders set user_id = ?::bigint where writer = ? and id % 53 = ?",
                        user(random),
                        writer,
                        random.nextInt(53));
            case 3 ->
                run(
                        c,
                        "update orders set amount = amount + ? where writer = ? and user_id = ?",
                        random.nextInt(20) - 10,
                        writer,
                        random.nextInt(45));
            case 4 ->
                run(
                        c,
                        "update orders set status = case when status = 'paid' then 'cancelled' else 'paid' end"
                                + " where writer = ? and id % 41 = ?",
                        writer,
                        random.nextInt(41));
            default -> run(c, "delete from orders where writer = ? and id % 97 = ?", writer, random.nextInt(97));
        }
    }

    private static void run(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** Stops the writers and waits for them; each finishes the transaction it is in. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    List<String> errors() {
        return errors;
    }

    long commits() {
        return commits.get();
    }

    long rollbacks() {
        return rollbacks.get();
    }

    /** Waits until {@code more} transactions have committed after now, so a step meets writes in flight. */
    void awaitCommits(long more) {
        long target = commits.get() + more;
        Eventually.await(
                Duration.ofSeconds(30),
                "the writers to commit " + more + " more transactions (errors: " + errors + ")",
                () -> commits.get() >= target);
    }
}
