package dev.keel.flags;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection from {@link VersionedDataSource} whose close() first resets the search_path, once, so the pool lends
 * the connection on without the subject's schema version. Everything else goes to the connection as it is.
 */
final class ResettingConnection implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResettingConnection.class);

    private final Connection c;
    private boolean closed;

    private ResettingConnection(Connection c) {
        this.c = c;
    }

    static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                ResettingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ResettingConnection(c));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
        }
        // Object's methods are the proxy's own: forwarded, equals compared the connection with the proxy and was
        // false even for the proxy itself, so a Set, a Map or a transaction manager holding it lost track of it.
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "ResettingConnection[" + c + "]";
            };
        }
        try {
            return method.invoke(c, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!c.isClosed()) {
                if (!c.getAutoCommit()) {
                    // The pool would roll back an unfinished transaction anyway; doing it first lets the reset commit.
                    c.rollback();
                }
                VersionedDataSource.runOutsideTransaction(c, "RESET search_path");
            }
        } catch (SQLException e) {
            LOG.debug("keel flags: resetting search_path on close failed; the connection is closed anyway", e);
        } finally {
            c.close();
        }
    }
}
