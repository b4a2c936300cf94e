package dev.keel.change;

import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.ddl.LockRetryPolicy;
import dev.keel.ddl.LockSafeDdl;
import dev.keel.migrate.MigrationListener;
import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one place a change's actions run. Every statement goes through {@link LockSafeDdl}: a short lock_timeout
 * (every application query queues behind a DDL statement that waits) and jittered retries.
 */
public final class ChangeExecutor implements AutoCloseable {
    private final Connection connection;
    private final ChangeSettings settings;
    private final MigrationListener listener;
    private final LockSafeDdl ddl;

    /** Work done inside an atomic phase's transaction, after its actions: the state and history rows. */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection c) throws SQLException;
    }

    public ChangeExecutor(
            Connection connection,
            ConnectionSource source,
            ChangeSettings settings,
            MigrationListener listener,
            Cancellation cancellation) {
        this.connection = connection;
        this.settings = settings;
        this.listener = listener;
        this.ddl = new LockSafeDdl(connection, source, cancellation);
    }

    public LockRetryPolicy policy() {
        return new LockRetryPolicy(settings.lockTimeout(), settings.lockRetries());
    }

    public LockSafeDdl ddl() {
        return ddl;
    }

    private LockSafeDdl.RetryListener retries(Action action) {
        return (attempt, of, wait, e) -> listener.info("lock timeout on '" + action.description() + "' (try " + attempt
                + " of " + of + "); trying again in " + wait.toMillis() + " ms");
    }

    /** Each action on its own, outside a transaction; every one of them can run again after a crash. */
    public void runEach(List<Action> actions) throws SQLException {
        connection.setAutoCommit(true);
        for (Action action : actions) {
            listener.info(action.description());
            if (action.index() != null) {
                buildIndex(action);
            } else {
                ddl.execute(action.sql(), policy(), retries(action));
            }
        }
    }

    /**
     * A concurrent build that times out waiting out an old transaction leaves an invalid index, which the next try's
     * IF NOT EXISTS would keep as if it were built: every try drops it first.
     */
    private void buildIndex(Action action) throws SQLException {
        String previous;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
            rs.next();
            previous = rs.getString(1);
        }
        try {
            ddl.retrying(policy(), retries(action), () -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
                    dropInvalid(action.index());
                    s.execute(action.sql());
                }
                return null;
            });
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = '" + previous.replace("'", "''") + "'");
            }
        }
    }

    /**
     * The actions and {@code then} in one transaction: all of it happens, or none. A lock timeout rolls the whole
     * transaction back before the retry, so no lock taken by an earlier statement is held through the backoff.
     */
    public void runAtomic(List<Action> actions, InTransaction then) throws SQLException {
        actions.forEach(a -> listener.info(a.description()));
        ddl.retrying(
                policy(),
                (attempt, of, wait, e) -> listener.info("lock timeout (try " + attempt + " of " + of
                        + "); everything rolled back, trying again in " + wait.toMillis() + " ms"),
                () -> {
                    connection.setAutoCommit(false);
                    try (Statement s = connection.createStatement()) {
                        s.execute("SET LOCAL lock_timeout = '"
                                + settings.lockTimeout().toMillis() + "ms'");
                        for (Action action : actions) {
                            s.execute(action.sql());
                        }
                        then.run(connection);
                        connection.commit();
                        return null;
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                });
    }

    /** A concurrent build killed half-way leaves an invalid index that IF NOT EXISTS would keep: drop it first. */
    private void dropInvalid(String qualifiedIndex) throws SQLException {
        String schema = qualifiedIndex.substring(0, qualifiedIndex.indexOf('.'));
        String index = qualifiedIndex.substring(qualifiedIndex.indexOf('.') + 1);
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid ="
                + " i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                + " AND NOT i.indisvalid")) {
            s.setString(1, schema);
            s.setString(2, index);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        listener.warn("dropping invalid index " + index + " left by an interrupted build, before building it again");
        try (Statement s = connection.createStatement()) {
            s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + Identifiers.qualified(schema, index));
        }
    }

    @Override
    public void close() {
        ddl.close();
    }
}
