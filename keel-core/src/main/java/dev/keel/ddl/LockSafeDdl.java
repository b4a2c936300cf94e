package dev.keel.ddl;

import dev.keel.config.Durations;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs schema changes so that they never queue behind a long lock holder for long: each try waits
 * at most lock_timeout for its locks (a DDL statement waiting for ACCESS EXCLUSIVE blocks every
 * reader queued after it), a try that times out (SQLSTATE 55P03) is repeated after a jittered
 * backoff, and when the tries run out the failure names the sessions that held the lock.
 * Every capability that changes a schema goes through here. The blocker probe opens its second
 * session only after a first timeout, so a change that is never blocked pays nothing for it.
 */
public final class LockSafeDdl implements AutoCloseable {
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection session;
    private final ConnectionSource monitorSource;
    private final Cancellation cancellation;
    private BlockerProbe probe;

    /** One try: runs statements on the session and leaves it ready for another try after a failure. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws SQLException;
    }

    /** Told before each wait for the next try. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int attempt, int of, Duration wait, SQLException lockTimeout);
    }

    public LockSafeDdl(Connection session, ConnectionSource monitorSource, Cancellation cancellation) {
        this.session = session;
        this.monitorSource = monitorSource;
        this.cancellation = cancellation;
    }

    /**
     * Runs one statement with the policy's lock_timeout. In a transaction each try runs behind a
     * savepoint, so a timed-out try leaves the work done before it in place.
     */
    public void execute(String sql, LockRetryPolicy policy, RetryListener listener) throws SQLException {
        String timeout = "'" + Durations.setting(policy.lockTimeout()) + "'";
        if (session.getAutoCommit()) {
            String previous = show("lock_timeout");
            try {
                retrying(policy, listener, () -> {
                    try (Statement s = session.createStatement()) {
                        s.execute("SET lock_timeout = " + timeout);
                        s.execute(sql);
                    }
                    return null;
                });
            } finally {
                try (Statement s = session.createStatement()) {
                    s.execute("SET lock_timeout = '" + previous.replace("'", "''") + "'");
                }
            }
            return;
        }
        retrying(policy, listener, () -> {
            Savepoint before = session.setSavepoint();
            try (Statement s = session.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + timeout);
                s.execute(sql);
                session.releaseSavepoint(before);
            } catch (SQLException e) {
                session.rollback(before);
                throw e;
            }
            return null;
        });
    }

    /**
     * Runs {@code attempt} until it succeeds, fails otherwise than by a lock timeout, is cancelled,
     * or has used the policy's tries. The attempt sets lock_timeout itself and undoes its own
     * partial work (rolls back) before it throws.
     *
     * @throws LockWaitExhausted when every try timed out waiting for a lock
     * @throws SQLException any other failure, and the lock timeout of a cancelled run, unchanged
     */
    public <T> T retrying(LockRetryPolicy policy, RetryListener listener, Attempt<T> attempt) throws SQLException {
        for (int tried = 1; ; tried++) {
            if (probe != null) {
                probe.watch();
            }
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || cancellation.isCancelled()) {
                    throw e;
                }
                if (tried >= policy.tries()) {
                    throw new LockWaitExhausted(policy.lockTimeout(), tried, blockers(), probe != null, e);
                }
                startProbe();
                Duration wait = policy.waitAfter(tried, ThreadLocalRandom.current());
                listener.retrying(tried, policy.tries(), wait, e);
                if (!cancellation.pause(wait)) {
                    throw e;
                }
            } finally {
                if (probe != null) {
                    probe.pause();
                }
            }
        }
    }

    private List<Blocker> blockers() {
        return probe == null ? List.of() : probe.lastSeen();
    }

    private void startProbe() throws SQLException {
        if (probe == null) {
            probe = new BlockerProbe(monitorSource, backendPid());
        }
    }

    private int backendPid() throws SQLException {
        try (Statement s = session.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String show(String setting) throws SQLException {
        try (Statement s = session.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
