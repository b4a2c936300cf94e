package dev.keel.jdbc.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection a {@link RoutingDataSource} hands out: it holds no server connection until it is
 * used, because frameworks call {@code setReadOnly} after {@code getConnection}. Settings made before
 * then are kept and applied to the connection it takes. At a transaction boundary a change of
 * read-only mode gives the server connection back, so the next use routes again.
 *
 * <p>On the primary it tracks whether write work committed, and reads the primary's WAL insert position
 * right after the commit (for autocommit work: before it gives the connection back); the position is
 * recorded for the consistency key once the server connection is released, so a shared positions store
 * never needs a second connection from a pool while this one is held.
 */
final class RoutingConnection implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingConnection.class);
    private static final Class<?>[] INTERFACES = {Connection.class};
    // The insert position, not the write position: with synchronous_commit off a commit record may not
    // be written yet when the commit returns, and the insert position is past it in every mode.
    private static final String WRITE_POSITION = "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn";
    private static final Set<String> DEFERRED_SETTINGS = Set.of(
            "setTransactionIsolation",
            "setHoldability",
            "setSchema",
            "setCatalog",
            "setTypeMap",
            "setClientInfo",
            "setNetworkTimeout");

    private final RoutingDataSource ds;
    private Connection proxy;
    private boolean closed;
    private boolean readOnly;
    private Boolean autoCommit;
    private final Map<Method, Object[]> settings = new LinkedHashMap<>();

    private Connection target;
    private ReplicaState replica;
    private boolean readRoute;
    private boolean autoCommitNow;
    private int generation;
    private boolean firstStatementDone;
    private boolean workStarted;
    private boolean uncommittedWrites;
    private boolean autoCommittedWrites;
    private long pendingLsn = -1;
    private String pendingKey;

    private RoutingConnection(RoutingDataSource ds) {
        this.ds = ds;
    }

    static Connection open(RoutingDataSource ds) {
        RoutingConnection handler = new RoutingConnection(ds);
        handler.proxy =
                (Connection) Proxy.newProxyInstance(RoutingConnection.class.getClassLoader(), INTERFACES, handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close":
                close();
                return null;
            case "isClosed":
                return closed;
            case "setReadOnly":
                requireOpen();
                setReadOnly((Boolean) args[0]);
                return null;
            case "isReadOnly":
                requireOpen();
                return readOnly;
            case "setAutoCommit":
                requireOpen();
                setAutoCommit((Boolean) args[0]);
                return null;
            case "getAutoCommit":
                requireOpen();
                if (target == null && (autoCommit != null || ds.defaultAutoCommit() != null)) {
                    return autoCommit != null ? autoCommit : ds.defaultAutoCommit();
                }
                break;
            case "commit":
                requireOpen();
                commit();
                return null;
            case "rollback":
                if (args == null) {
                    requireOpen();
                    rollback();
                    return null;
                }
                break;
            case "getWarnings":
            case "clearWarnings":
                if (target == null) {
                    return null;
                }
                break;
            case "isValid":
                if (target == null) {
                    return !closed;
                }
                break;
            case "isWrapperFor":
                if (((Class<?>) args[0]).isInstance(self)) {
                    return true;
                }
                break;
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(self)) {
                    return self;
                }
                break;
            case "abort":
                abort(args);
                return null;
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "toString":
                return "RoutingConnection[" + (target == null ? "not yet routed" : describeTarget()) + "]";
            default:
                break;
        }
        requireOpen();
        if (DEFERRED_SETTINGS.contains(name)) {
            settings.put(method, args);
            if (target == null) {
                return null;
            }
        }
        ensureTarget();
        Object result = call(target, method, args);
        if (result instanceof Statement statement && isStatementFactory(name)) {
            workStarted = true;
            if (!readRoute) {
                if (autoCommitNow) {
                    autoCommittedWrites = true;
                } else {
                    uncommittedWrites = true;
                }
            }
            if (replica != null && !firstStatementDone) {
                return FirstStatementRetry.wrap(this, method, args, statement);
            }
        }
        return result;
    }

    Connection proxy() {
        return proxy;
    }

    int generation() {
        return generation;
    }

    Connection currentTarget() throws SQLException {
        ensureTarget();
        return target;
    }

    boolean mayRetryOnPrimary() {
        return replica != null && !firstStatementDone;
    }

    void firstStatementSucceeded() {
        firstStatementDone = true;
    }

    /** The replica failed the first statement of a read: eject it and continue on the primary. */
    Connection switchToPrimary(SQLException cause) throws SQLException {
        ReplicaState failed = replica;
        failed.failed(System.nanoTime());
        LOG.warn(
                "replica {} failed the first statement of a read ({}): the read runs on the primary",
                failed.name(),
                cause.getMessage());
        dropTarget();
        ds.metrics().readOnPrimary(FallbackReason.REPLICA_DOWN);
        attach(ds.primary().getConnection(), null);
        return target;
    }

    private void setReadOnly(boolean value) throws SQLException {
        if (target != null && value != readOnly && !inTransaction()) {
            release();
        }
        readOnly = value;
        if (target != null) {
            target.setReadOnly(value);
        }
    }

    private void setAutoCommit(boolean value) throws SQLException {
        autoCommit = value;
        if (target == null) {
            return;
        }
        if (autoCommitNow && !value && autoCommittedWrites) {
            captureWritePosition();
            autoCommittedWrites = false;
        }
        boolean commits = !autoCommitNow && value;
        target.setAutoCommit(value);
        autoCommitNow = value;
        if (commits) {
            afterCommit();
        }
    }

    private void commit() throws SQLException {
        if (target == null) {
            return;
        }
        try {
            target.commit();
        } catch (SQLException e) {
            if (!forgivable(e)) {
                throw e;
            }
        }
        afterCommit();
    }

    private void rollback() throws SQLException {
        if (target == null) {
            return;
        }
        try {
            target.rollback();
        } catch (SQLException e) {
            if (!forgivable(e)) {
                throw e;
            }
        }
        workStarted = false;
        uncommittedWrites = false;
    }

    /**
     * A read-only transaction on a replica has nothing to commit or roll back: when the replica goes
     * away at its end, what it read stays valid, so the replica is ejected and the caller carries on.
     */
    private boolean forgivable(SQLException e) {
        if (replica == null || !ConnectionFailures.isConnectionFailure(e)) {
            return false;
        }
        replica.failed(System.nanoTime());
        LOG.warn("replica {} went away at the end of a read-only transaction: ejected", replica.name());
        dropTarget();
        return true;
    }

    private void afterCommit() throws SQLException {
        workStarted = false;
        if (uncommittedWrites) {
            uncommittedWrites = false;
            captureWritePosition();
        }
    }

    private boolean inTransaction() {
        return !autoCommitNow && workStarted;
    }

    private void ensureTarget() throws SQLException {
        if (target != null) {
            return;
        }
        if (!readOnly) {
            readRoute = false;
            attach(ds.primary().getConnection(), null);
            return;
        }
        readRoute = true;
        ReadRouter.Route route;
        try {
            String key = ds.currentKey();
            OptionalLong required = ds.positions().lastWrite(key);
            route = ds.router().choose(required);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the write positions, the read goes to the primary: {}", e.getMessage());
            route = ReadRouter.Route.primary(FallbackReason.POSITIONS_UNAVAILABLE);
        }
        ReplicaState chosen = route.replica();
        if (chosen != null) {
            Connection c = null;
            try {
                c = chosen.dataSource().getConnection();
                attach(c, chosen);
                ds.metrics().readOnReplica(chosen);
                return;
            } catch (SQLException | RuntimeException e) {
                target = null;
                replica = null;
                closeQuietly(c);
                chosen.failed(System.nanoTime());
                LOG.warn(
                        "replica {} failed to connect ({}): ejected, the read runs on the primary",
                        chosen.name(),
                        e.getMessage());
                route = ReadRouter.Route.primary(FallbackReason.REPLICA_DOWN);
            }
        }
        ds.metrics().readOnPrimary(route.reason());
        attach(ds.primary().getConnection(), null);
    }

    private void attach(Connection c, ReplicaState on) throws SQLException {
        generation++;
        firstStatementDone = false;
        workStarted = false;
        uncommittedWrites = false;
        autoCommittedWrites = false;
        try {
            boolean initial = c.getAutoCommit();
            ds.learnDefaultAutoCommit(initial);
            if (readOnly) {
                c.setReadOnly(true);
            }
            for (Map.Entry<Method, Object[]> setting : settings.entrySet()) {
                call(c, setting.getKey(), setting.getValue());
            }
            if (autoCommit != null && autoCommit != initial) {
                c.setAutoCommit(autoCommit);
            }
            autoCommitNow = autoCommit != null ? autoCommit : initial;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        } catch (Throwable e) {
            closeQuietly(c);
            throw new SQLException("cannot apply the connection's settings: " + e.getMessage(), e);
        }
        target = c;
        replica = on;
    }

    /** Reads where the primary's WAL ends now, after this connection's writes committed. */
    private void captureWritePosition() {
        boolean toggle = !autoCommitNow;
        try {
            // After a commit no transaction is open; in autocommit mode the query opens none either.
            if (toggle) {
                target.setAutoCommit(true);
            }
            try (Statement s = target.createStatement();
                    ResultSet rs = s.executeQuery(WRITE_POSITION)) {
                rs.next();
                long lsn = rs.getLong(1);
                String key = ds.currentKey();
                if (pendingKey != null && !pendingKey.equals(key)) {
                    flushPending();
                }
                pendingKey = key;
                pendingLsn = Math.max(pendingLsn, lsn);
            } finally {
                if (toggle) {
                    target.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            LOG.warn(
                    "cannot read the primary's WAL position after a commit; reads of key {} may miss this write: {}",
                    ds.currentKey(),
                    e.getMessage());
        }
    }

    private void flushPending() {
        if (pendingLsn < 0) {
            return;
        }
        try {
            ds.positions().recordWrite(pendingKey, pendingLsn);
        } catch (RuntimeException e) {
            LOG.warn(
                    "cannot record the write position of key {}; its next reads may miss this write: {}",
                    pendingKey,
                    e.getMessage());
        }
        pendingLsn = -1;
        pendingKey = null;
    }

    /** Gives the server connection back (recording autocommit writes first); the next use routes again. */
    private void release() {
        if (target != null) {
            if (!readRoute && autoCommittedWrites && autoCommitNow) {
                captureWritePosition();
            }
            dropTarget();
        }
        flushPending();
    }

    private void dropTarget() {
        Connection c = target;
        target = null;
        replica = null;
        workStarted = false;
        uncommittedWrites = false;
        autoCommittedWrites = false;
        closeQuietly(c);
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    private void abort(Object[] args) throws Throwable {
        closed = true;
        Connection c = target;
        target = null;
        replica = null;
        if (c != null) {
            call(c, Connection.class.getMethod("abort", java.util.concurrent.Executor.class), args);
        }
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the connection is closed", "08003");
        }
    }

    private String describeTarget() {
        return replica != null ? "replica " + replica.name() : readRoute ? "primary (read)" : "primary";
    }

    private static boolean isStatementFactory(String name) {
        return name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall");
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing a server connection failed: {}", e.getMessage());
        }
    }

    static Object call(Object on, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(on, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
