package dev.keel.flags;

import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag client's one background thread: holds a connection that LISTENs on {@link FlagTables#CHANNEL}, reloads
 * every flag when told of a change and every {@code reloadInterval} regardless (a missed notification cannot leave a
 * stale value for longer), and after a lost connection tries again with {@link Backoff}. It only ever publishes whole
 * snapshots, so a reader sees every flag from one read.
 */
final class FlagListener implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FlagListener.class);
    /** How long one wait for notifications blocks: the loop's reaction time to close(). */
    private static final int POLL_MILLIS = 200;

    private final ConnectionSource source;
    private final FlagStore store;
    private final Duration reloadInterval;
    private final Backoff backoff;
    private final Consumer<Map<String, Flag>> publish;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Connection current;
    private volatile boolean connected;
    private boolean everLoaded;

    FlagListener(
            ConnectionSource source,
            FlagStore store,
            Duration reloadInterval,
            Backoff backoff,
            Consumer<Map<String, Flag>> publish) {
        this.source = source;
        this.store = store;
        this.reloadInterval = reloadInterval;
        this.backoff = backoff;
        this.publish = publish;
    }

    @Override
    public void run() {
        boolean down = false;
        while (running) {
            try (Connection c = source.open()) {
                current = c;
                listen(c);
                if (down) {
                    LOG.info("keel flags: connected to {} again; flags reloaded", source.describe());
                }
                down = false;
                connected = true;
                // After connected is set: whoever waited for the first attempt then sees the listener up.
                firstAttempt.countDown();
                backoff.reset();
                serve(c);
            } catch (SQLException | RuntimeException e) {
                connected = false;
                firstAttempt.countDown();
                if (!running) {
                    return;
                }
                if (!down) {
                    LOG.warn(
                            "keel flags: cannot reach {} ({}); serving {} until it is back",
                            source.describe(),
                            e.getMessage(),
                            everLoaded ? "the last flags read" : "the safe default");
                }
                down = true;
                pause(backoff.nextDelayMillis());
            } finally {
                current = null;
            }
        }
    }

    /** Subscribes first, then reads: a change committed between the two still arrives as a notification. */
    private void listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + FlagTables.CHANNEL);
        }
        reload(c);
    }

    private void serve(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastReload = System.nanoTime();
        while (running) {
            PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
            boolean ours = false;
            if (notes != null) {
                for (PGNotification note : notes) {
                    ours |= note.getParameter().equals(store.tables().schema());
                }
            }
            if (ours || System.nanoTime() - lastReload >= reloadInterval.toNanos()) {
                reload(c);
                lastReload = System.nanoTime();
            }
        }
    }

    private void reload(Connection c) throws SQLException {
        publish.accept(Map.copyOf(store.readAll(c)));
        everLoaded = true;
    }

    /** Waits until the first connection attempt succeeded or failed, at most {@code limit}. */
    boolean awaitFirstAttempt(Duration limit) throws InterruptedException {
        return firstAttempt.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the listening connection is up (false while the database is unreachable). */
    boolean connected() {
        return connected;
    }

    void stop() {
        running = false;
        Connection c = current;
        if (c != null) {
            try {
                // Ends a read that hangs on a dead network at once rather than at the socket timeout.
                c.close();
            } catch (SQLException e) {
                LOG.debug("keel flags: closing the listening connection failed", e);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
