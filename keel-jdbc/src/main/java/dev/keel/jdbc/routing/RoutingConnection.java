package dev.keel.jdbc.routing;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.Executor;
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
 *
 * <p>Written out method by method rather than as a dynamic proxy: a routed read crosses it half a dozen
 * times, and with proxies (reflective calls, boxed arguments) the router's own work per read took 340 ns
 * instead of 200 (bench/jmh {@code RoutedReadOverhead}).
 */
final class RoutingConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingConnection.class);
    // The insert position, not the write position: with synchronous_commit off a commit record may not
    // be written yet when the commit returns, and the insert position is past it in every mode.
    private static final String WRITE_POSITION = "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn";
    private static final String REPLAY_POSITION = "SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn";
    private final RoutingDataSource ds;
    private boolean closed;
    private boolean readOnly;
    private Boolean autoCommit;
    /** Settings made on the connection, by what they set, applied to each server connection it takes. */
    private Map<String, SqlConsumer<Connection>> settings;

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
        return new RoutingConnection(ds);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        closed = true;
        Connection c = target;
        target = null;
        replica = null;
        if (c != null) {
            c.abort(executor);
        }
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return target == null ? !closed : target().isValid(timeout);
    }

    @Override
    public void setReadOnly(boolean value) throws SQLException {
        requireOpen();
        if (target != null && value != readOnly && !inTransaction()) {
            release();
        }
        readOnly = value;
        if (target != null) {
            target.setReadOnly(value);
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        requireOpen();
        return readOnly;
    }

    @Override
    public void setAutoCommit(boolean value) throws SQLException {
        requireOpen();
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

    @Override
    public boolean getAutoCommit() throws SQLException {
        requireOpen();
        if (target == null && (autoCommit != null || ds.defaultAutoCommit() != null)) {
            return autoCommit != null ? autoCommit : ds.defaultAutoCommit();
        }
        return target().getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        requireOpen();
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

    @Override
    public void rollback() throws SQLException {
        requireOpen();
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

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        target().rollback(savepoint);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return target().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return target().setSavepoint(name);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        target().releaseSavepoint(savepoint);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return target == null ? null : target().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        if (target != null) {
            target().clearWarnings();
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return plain(c -> c.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return plain(c -> c.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return plain(c -> c.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepared(c -> c.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepared(c -> c.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepared(c -> c.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepared(c -> c.prepareStatement(sql, columnNames));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepared(c -> c.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return prepared(c -> c.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return callable(c -> c.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return callable(c -> c.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return callable(c -> c.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        defer("transactionIsolation", c -> c.setTransactionIsolation(level));
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return target().getTransactionIsolation();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        defer("holdability", c -> c.setHoldability(holdability));
    }

    @Override
    public int getHoldability() throws SQLException {
        return target().getHoldability();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        defer("schema", c -> c.setSchema(schema));
    }

    @Override
    public String getSchema() throws SQLException {
        return target().getSchema();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        defer("catalog", c -> c.setCatalog(catalog));
    }

    @Override
    public String getCatalog() throws SQLException {
        return target().getCatalog();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        defer("typeMap", c -> c.setTypeMap(map));
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return target().getTypeMap();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        clientInfo("clientInfo." + name, c -> c.setClientInfo(name, value));
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo("clientInfo", c -> c.setClientInfo(properties));
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return target().getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return target().getClientInfo();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        defer("networkTimeout", c -> c.setNetworkTimeout(executor, milliseconds));
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return target().getNetworkTimeout();
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return target().nativeSQL(sql);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return target().getMetaData();
    }

    @Override
    public Clob createClob() throws SQLException {
        return target().createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return target().createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return target().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return target().createSQLXML();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return target().createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return target().createStruct(typeName, attributes);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "RoutingConnection[" + (target == null ? "not yet routed" : describeTarget()) + "]";
    }

    /** The server connection, taken now if this connection has none yet. */
    private Connection target() throws SQLException {
        requireOpen();
        ensureTarget();
        return target;
    }

    /**
     * Kept and applied to every server connection this one takes; made on the current one at once. Before
     * the first use there is none, and setting it must not route the connection.
     */
    private void defer(String what, SqlConsumer<Connection> setting) throws SQLException {
        requireOpen();
        if (settings == null) {
            settings = new LinkedHashMap<>();
        }
        // Last set, last applied: setClientInfo(Properties) replaces the names set before it, not those set after.
        settings.remove(what);
        settings.put(what, setting);
        if (target != null) {
            setting.accept(target);
        }
    }

    private void clientInfo(String what, SqlConsumer<Connection> setting) throws SQLClientInfoException {
        try {
            defer(what, setting);
        } catch (SQLClientInfoException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), e.getErrorCode(), Map.of(), e);
        }
    }

    private Statement plain(SqlFunction<Connection, Statement> factory) throws SQLException {
        Statement made = made(factory);
        return retriable() ? new RetriableStatement<>(this, factory, made) : made;
    }

    private PreparedStatement prepared(SqlFunction<Connection, PreparedStatement> factory) throws SQLException {
        PreparedStatement made = made(factory);
        return retriable() ? new RetriablePreparedStatement(this, factory, made) : made;
    }

    private CallableStatement callable(SqlFunction<Connection, CallableStatement> factory) throws SQLException {
        CallableStatement made = made(factory);
        return retriable() ? RetriableCallableStatement.wrap(this, factory, made) : made;
    }

    /** Makes a statement on the server connection; what runs on the primary may write. */
    private <S extends Statement> S made(SqlFunction<Connection, S> factory) throws SQLException {
        S statement = factory.apply(target());
        workStarted = true;
        if (!readRoute) {
            if (autoCommitNow) {
                autoCommittedWrites = true;
            } else {
                uncommittedWrites = true;
            }
        }
        return statement;
    }

    /** Statements made before a read on a replica has run anything may have to be made again on the primary. */
    private boolean retriable() {
        return replica != null && !firstStatementDone;
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
        OptionalLong required = OptionalLong.empty();
        try {
            required = ds.positions().lastWrite(ds.currentKey());
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
        if (route.reason() == FallbackReason.NOT_CAUGHT_UP && askReplica(required.getAsLong())) {
            return;
        }
        ds.metrics().readOnPrimary(route.reason());
        attach(ds.primary().getConnection(), null);
    }

    /**
     * Asks a replica that keeps up whether it has replayed {@code required} by now, and reads there if it
     * has. The check runs on the connection that then serves the read, in autocommit mode, so the read's
     * snapshot is taken after the replay was seen.
     */
    private boolean askReplica(long required) {
        ReplicaState candidate = ds.router().worthAsking();
        if (candidate == null) {
            return false;
        }
        Connection c = null;
        try {
            c = candidate.dataSource().getConnection();
            long replay;
            boolean autoCommitted = c.getAutoCommit();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(REPLAY_POSITION)) {
                rs.next();
                replay = rs.getLong(1);
                if (rs.wasNull()) {
                    replay = -1;
                }
            }
            if (!autoCommitted) {
                c.rollback();
            }
            candidate.sawReplay(replay);
            if (replay < required) {
                closeQuietly(c);
                return false;
            }
            attach(c, candidate);
            ds.metrics().readOnReplica(candidate);
            return true;
        } catch (SQLException | RuntimeException e) {
            target = null;
            replica = null;
            closeQuietly(c);
            candidate.failed(System.nanoTime());
            LOG.warn(
                    "replica {} failed when asked for its replay position ({}): ejected",
                    candidate.name(),
                    e.getMessage());
            return false;
        }
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
            if (settings != null) {
                for (SqlConsumer<Connection> setting : settings.values()) {
                    setting.accept(c);
                }
            }
            if (autoCommit != null && autoCommit != initial) {
                c.setAutoCommit(autoCommit);
            }
            autoCommitNow = autoCommit != null ? autoCommit : initial;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
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

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the connection is closed", "08003");
        }
    }

    private String describeTarget() {
        return replica != null ? "replica " + replica.name() : readRoute ? "primary (read)" : "primary";
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
}
