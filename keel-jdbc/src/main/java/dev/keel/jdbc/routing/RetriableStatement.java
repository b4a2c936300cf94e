package dev.keel.jdbc.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement made before a read on a replica has run anything: it remembers how it was made and what
 * was set on it, so when its first execution finds the replica gone it is made again on the primary and
 * run there. Nothing ran on the replica, so running it once more is safe. After the first execution it
 * only passes calls through.
 */
class RetriableStatement<S extends Statement> implements Statement {
    private final RoutingConnection connection;
    private final SqlFunction<Connection, S> factory;
    /** What was set on the statement, in order, until it has executed; made on the first setting. */
    private List<SqlConsumer<S>> calls;

    private boolean executed;

    private int generation;
    S delegate;

    RetriableStatement(RoutingConnection connection, SqlFunction<Connection, S> factory, S delegate) {
        this.connection = connection;
        this.factory = factory;
        this.delegate = delegate;
        this.generation = connection.generation();
    }

    /** Makes {@code call} on the statement and, until it has executed, remembers it. */
    final void apply(SqlConsumer<S> call) throws SQLException {
        call.accept(delegate);
        if (!executed) {
            if (calls == null) {
                calls = new ArrayList<>();
            }
            calls.add(call);
        }
    }

    /** Runs {@code execution}; the first time, on the primary when the replica fails it. */
    final <R> R execute(SqlFunction<S, R> execution) throws SQLException {
        if (executed) {
            return execution.apply(delegate);
        }
        if (generation != connection.generation()) {
            // A sibling statement already moved the connection to the primary.
            remake(connection.currentTarget());
        }
        R result;
        try {
            result = execution.apply(delegate);
        } catch (SQLException e) {
            if (!connection.mayRetryOnPrimary() || !ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            remake(connection.switchToPrimary(e));
            result = execution.apply(delegate);
        }
        executed = true;
        calls = null;
        connection.firstStatementSucceeded();
        return result;
    }

    private void remake(Connection on) throws SQLException {
        S old = delegate;
        delegate = factory.apply(on);
        generation = connection.generation();
        if (calls != null) {
            for (SqlConsumer<S> call : calls) {
                call.accept(delegate);
            }
        }
        try {
            old.close();
        } catch (SQLException | RuntimeException e) {
            // The old statement belonged to the connection that failed.
        }
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "RetriableStatement[" + delegate + "]";
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return execute(s -> s.executeQuery(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return execute(s -> s.executeUpdate(sql));
    }

    @Override
    public void close() throws SQLException {
        delegate.close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return delegate.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        apply(s -> s.setMaxFieldSize(max));
    }

    @Override
    public int getMaxRows() throws SQLException {
        return delegate.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        apply(s -> s.setMaxRows(max));
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        apply(s -> s.setEscapeProcessing(enable));
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return delegate.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        apply(s -> s.setQueryTimeout(seconds));
    }

    @Override
    public void cancel() throws SQLException {
        delegate.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        apply(s -> s.clearWarnings());
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        apply(s -> s.setCursorName(name));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return execute(s -> s.execute(sql));
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return delegate.getResultSet();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return delegate.getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return delegate.getMoreResults();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        apply(s -> s.setFetchDirection(direction));
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        apply(s -> s.setFetchSize(rows));
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return delegate.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return delegate.getResultSetType();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        apply(s -> s.addBatch(sql));
    }

    @Override
    public void clearBatch() throws SQLException {
        apply(s -> s.clearBatch());
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return execute(s -> s.executeBatch());
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return delegate.getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return delegate.getGeneratedKeys();
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(s -> s.executeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return execute(s -> s.executeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return execute(s -> s.executeUpdate(sql, columnNames));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(s -> s.execute(sql, autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(s -> s.execute(sql, columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(s -> s.execute(sql, columnNames));
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return delegate.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        apply(s -> s.setPoolable(poolable));
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return delegate.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        apply(s -> s.closeOnCompletion());
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return delegate.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return delegate.getLargeUpdateCount();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        apply(s -> s.setLargeMaxRows(max));
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return delegate.getLargeMaxRows();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return execute(s -> s.executeLargeBatch());
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return execute(s -> s.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(s -> s.executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return execute(s -> s.executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return execute(s -> s.executeLargeUpdate(sql, columnNames));
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return delegate.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return delegate.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return delegate.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return delegate.enquoteNCharLiteral(val);
    }
}
