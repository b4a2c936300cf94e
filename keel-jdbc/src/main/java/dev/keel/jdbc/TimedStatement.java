package dev.keel.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that times each execution into {@link StatementTimers}: the SQL text it ran, how long
 * the driver took, whether it threw. A batch of different texts is timed as a whole and shared out
 * equally among them. Every other call goes straight to the driver's statement.
 */
class TimedStatement implements Statement {
    private final TimedConnection connection;
    private final Statement statement;
    final StatementTimers timers;
    /** The texts added with addBatch(String), made on first use. */
    private List<String> batch;

    TimedStatement(TimedConnection connection, Statement statement, StatementTimers timers) {
        this.connection = connection;
        this.statement = statement;
        this.timers = timers;
    }

    private void batchFinished(long start, boolean ok) {
        long nanos = System.nanoTime() - start;
        if (batch != null) {
            timers.recordBatch(batch, nanos, ok);
            batch.clear();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return statement.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return statement.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return statement.toString();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            ResultSet result = statement.executeQuery(sql);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int result = statement.executeUpdate(sql);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return statement.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        statement.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return statement.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        statement.setMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        statement.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return statement.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        statement.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        statement.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return statement.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        statement.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        statement.setCursorName(name);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            boolean result = statement.execute(sql);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return statement.getResultSet();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return statement.getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return statement.getMoreResults();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        statement.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return statement.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        statement.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return statement.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return statement.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return statement.getResultSetType();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        statement.addBatch(sql);
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        statement.clearBatch();
        if (batch != null) {
            batch.clear();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int[] result = statement.executeBatch();
            ok = true;
            return result;
        } finally {
            batchFinished(start, ok);
        }
    }

    /** The timed connection, not the driver's: statements made through it are timed too. */
    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return statement.getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return statement.getGeneratedKeys();
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int result = statement.executeUpdate(sql, autoGeneratedKeys);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int result = statement.executeUpdate(sql, columnIndexes);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int result = statement.executeUpdate(sql, columnNames);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            boolean result = statement.execute(sql, autoGeneratedKeys);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            boolean result = statement.execute(sql, columnIndexes);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            boolean result = statement.execute(sql, columnNames);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return statement.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return statement.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        statement.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return statement.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        statement.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return statement.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return statement.getLargeUpdateCount();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        statement.setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return statement.getLargeMaxRows();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long[] result = statement.executeLargeBatch();
            ok = true;
            return result;
        } finally {
            batchFinished(start, ok);
        }
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long result = statement.executeLargeUpdate(sql);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long result = statement.executeLargeUpdate(sql, autoGeneratedKeys);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long result = statement.executeLargeUpdate(sql, columnIndexes);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long result = statement.executeLargeUpdate(sql, columnNames);
            ok = true;
            return result;
        } finally {
            timers.record(sql, System.nanoTime() - start, ok, null, 1);
        }
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return statement.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return statement.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return statement.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return statement.enquoteNCharLiteral(val);
    }
}
