package dev.keel.agent.lead;

import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The dedicated connection the leader's lock lives on. Both ends watch it: the server probes the agent's socket every
 * few seconds (tcp_keepalives_*), so an agent host that vanished releases the lock within seconds rather than hours;
 * the agent checks the session with a query bounded by a network timeout, so a half-open connection is noticed too.
 */
final class LockSession implements AutoCloseable {
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final String lock;

    private LockSession(Connection connection, String lock) {
        this.connection = connection;
        this.lock = lock;
    }

    static LockSession open(ConnectionSource database, String lock, Duration checkTimeout) throws SQLException {
        Connection c = database.open();
        try {
            c.setAutoCommit(true);
            c.setNetworkTimeout(DIRECT, (int) checkTimeout.toMillis());
            try (Statement s = c.createStatement()) {
                s.execute("SET application_name = 'keel up (leader lock)'; SET tcp_keepalives_idle = 5;"
                        + " SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3");
            }
            return new LockSession(c, lock);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    boolean tryLock() throws SQLException {
        return AdvisoryLock.tryLock(connection, lock);
    }

    /** Whether the session still answers: a failure or a timeout means the lock may be gone. */
    void check() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("/* keel up */ SELECT 1");
        }
    }

    /** Releases the lock where the session still works; closing the session releases it anyway. */
    @Override
    public void close() {
        try {
            AdvisoryLock.unlock(connection, lock);
        } catch (SQLException e) {
            // the session is gone, and its lock with it
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // as above
        }
    }
}
