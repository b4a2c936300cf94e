package dev.keel.testing.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * One application thread: its own connection with the side's search_path, running statements back
 * to back until told to stop; each one timed, each failure recorded with its SQLSTATE.
 */
final class LoadThread {
    private final String name;
    private final Side side;
    private final boolean writer;
    private final String url;
    private final String application;
    private final KeySpace keys;
    private final Random random;
    private final RunLog log;
    private final Map<StatementKind, LatencyLog> latencies = new EnumMap<>(StatementKind.class);
    private final AtomicLong attempts = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile Throwable death;

    LoadThread(
            String name,
            Side side,
            boolean writer,
            String url,
            String application,
            KeySpace keys,
            long seed,
            RunLog log) {
        this.name = name;
        this.side = side;
        this.writer = writer;
        this.url = url;
        this.application = application;
        this.keys = keys;
        this.random = new Random(seed);
        this.log = log;
        this.thread = new Thread(this::run, application);
        // A thread stuck in a statement must never keep the test JVM alive.
        this.thread.setDaemon(true);
    }

    String name() {
        return name;
    }

    Side side() {
        return side;
    }

    /** Statements tried so far, failed ones included: progress even while every one fails. */
    long attempts() {
        return attempts.get();
    }

    Map<StatementKind, LatencyLog> latencies() {
        return latencies;
    }

    /** Whether the thread is over: after a stop, or on its own when it could not connect or its statements threw. */
    boolean ended() {
        return !thread.isAlive();
    }

    /** What ended the thread before it was stopped, or null. */
    Throwable death() {
        return death;
    }

    void start() {
        thread.start();
    }

    void requestStop() {
        stopping = true;
    }

    /**
     * Waits for the thread to finish its statement and end; one still running at the deadline (a
     * statement stuck behind a lock) is cancelled, and its connection closed if even that does not help.
     * Returns whether it ended.
     */
    boolean awaitEnd(Duration limit) {
        requestStop();
        join(limit);
        if (thread.isAlive()) {
            cancel();
            join(Duration.ofSeconds(5));
        }
        if (thread.isAlive()) {
            closeConnection();
            join(Duration.ofSeconds(5));
        }
        return !thread.isAlive();
    }

    private void run() {
        try (Connection c = DriverManager.getConnection(url)) {
            connection = c;
            prepare(c);
            while (!stopping) {
                StatementKind kind = writer ? StatementKind.nextWrite(random) : StatementKind.READ;
                long key = kind == StatementKind.INSERT ? keys.fresh() : keys.used(random);
                String step = log.step();
                long started = System.nanoTime();
                boolean failed = false;
                try {
                    side.statements().run(kind, c, key, random);
                } catch (SQLException e) {
                    failed = true;
                    if (!stopping) {
                        log.failed(side.name(), name, kind, step, e);
                    }
                }
                long took = System.nanoTime() - started;
                latencies.computeIfAbsent(kind, k -> new LatencyLog()).add(took);
                log.timed(side.name(), name, kind, step, took, failed);
                attempts.incrementAndGet();
            }
        } catch (SQLException e) {
            if (!stopping) {
                log.failed(side.name(), name, StatementKind.CONNECT, log.step(), e);
            }
            death = e;
        } catch (RuntimeException | Error e) {
            // A bug in the caller's statements: the run must say so rather than wait for this thread.
            death = e;
        } finally {
            connection = null;
        }
    }

    private void prepare(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select set_config('application_name', ?, false), set_config('search_path', ?, false)")) {
            s.setString(1, application);
            s.setString(2, side.searchPath());
            s.execute();
        }
    }

    private void cancel() {
        Connection c = connection;
        if (c != null) {
            try {
                c.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // Closing the connection below is the last resort.
            }
        }
    }

    private void closeConnection() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Nothing left to try; awaitEnd reports the thread as still running.
            }
        }
    }

    private void join(Duration limit) {
        try {
            thread.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
