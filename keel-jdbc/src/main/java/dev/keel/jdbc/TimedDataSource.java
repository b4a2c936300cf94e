package dev.keel.jdbc;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The DataSource {@link KeelDataSource} hands out: its connections are {@link TimedConnection}s.
 * Closing it closes the wrapped DataSource when that one can be closed (a pool), so a framework
 * that closes the DataSource it was given at shutdown still closes the pool.
 */
final class TimedDataSource implements DataSource, Closeable {
    private final DataSource target;
    private final StatementTimers timers;

    TimedDataSource(DataSource target, StatementTimers timers) {
        this.target = target;
        this.timers = timers;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new TimedConnection(target.getConnection(), timers);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return new TimedConnection(target.getConnection(username, password), timers);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }

    @Override
    public void close() throws IOException {
        if (target instanceof Closeable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "KeelDataSource[" + target + "]";
    }
}
