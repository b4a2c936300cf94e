package dev.keel.agent.dashboard;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The connections the dashboard and a standby's /health read through: each session is set to read-only transactions
 * as it opens, so a page that tried to write (a snapshot, a history row, a table created when missing) fails loudly
 * with SQLSTATE 25006 instead of changing the database. Closing resets the setting first: a connection from an
 * application's pool goes back as it came.
 */
public final class ReadOnlyConnections implements ConnectionSource {
    private final ConnectionSource source;

    private ReadOnlyConnections(ConnectionSource source) {
        this.source = source;
    }

    public static ConnectionSource of(ConnectionSource source) {
        return source instanceof ReadOnlyConnections ? source : new ReadOnlyConnections(source);
    }

    @Override
    public Connection open() {
        Connection c = source.open();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("/* keel up */ SET SESSION default_transaction_read_only = on");
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "making a read-only session on " + source.describe() + " failed: " + e.getMessage(),
                    "reload the page",
                    e);
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new ResetOnClose(c));
    }

    @Override
    public String describe() {
        return source.describe();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }

    /** Passes every call through; close() first puts the session's default back. */
    private record ResetOnClose(Connection connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    s.execute("/* keel up */ RESET default_transaction_read_only");
                } catch (SQLException e) {
                    // A session that cannot take RESET is broken: closing it is all that is left to do.
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
