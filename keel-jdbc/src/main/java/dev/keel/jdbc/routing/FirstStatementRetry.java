package dev.keel.jdbc.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement made before a read on a replica has run anything: it remembers how it was made and what
 * was set on it, so when its first execution finds the replica gone it is made again on the primary and
 * run there. Nothing ran on the replica, so running it once more is safe. After the first execution it
 * only passes calls through.
 */
final class FirstStatementRetry implements InvocationHandler {
    private final RoutingConnection connection;
    private final Method factory;
    private final Object[] factoryArgs;
    private final List<Call> calls = new ArrayList<>();
    private Statement delegate;
    private int generation;
    private boolean executed;

    private FirstStatementRetry(
            RoutingConnection connection, Method factory, Object[] factoryArgs, Statement delegate) {
        this.connection = connection;
        this.factory = factory;
        this.factoryArgs = factoryArgs;
        this.delegate = delegate;
        this.generation = connection.generation();
    }

    static Statement wrap(RoutingConnection connection, Method factory, Object[] args, Statement statement) {
        Class<?> type = factory.getReturnType();
        return (Statement) Proxy.newProxyInstance(
                FirstStatementRetry.class.getClassLoader(),
                new Class<?>[] {type},
                new FirstStatementRetry(connection, factory, args, statement));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getConnection":
                return connection.proxy();
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "toString":
                return "FirstStatementRetry[" + delegate + "]";
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
            default:
                break;
        }
        if (executed) {
            return RoutingConnection.call(delegate, method, args);
        }
        if (name.startsWith("execute")) {
            return firstExecution(method, args);
        }
        Object result = RoutingConnection.call(delegate, method, args);
        if (!name.startsWith("get") && !name.startsWith("is")) {
            calls.add(new Call(method, args));
        }
        return result;
    }

    private Object firstExecution(Method method, Object[] args) throws Throwable {
        if (generation != connection.generation()) {
            // A sibling statement already moved the connection to the primary.
            remake(connection.currentTarget());
        }
        try {
            return executed(RoutingConnection.call(delegate, method, args));
        } catch (SQLException e) {
            if (!connection.mayRetryOnPrimary() || !ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            remake(connection.switchToPrimary(e));
            return executed(RoutingConnection.call(delegate, method, args));
        }
    }

    private Object executed(Object result) {
        executed = true;
        calls.clear();
        connection.firstStatementSucceeded();
        return result;
    }

    private void remake(Connection on) throws Throwable {
        Statement old = delegate;
        delegate = (Statement) RoutingConnection.call(on, factory, factoryArgs);
        generation = connection.generation();
        for (Call call : calls) {
            RoutingConnection.call(delegate, call.method(), call.args());
        }
        try {
            old.close();
        } catch (SQLException | RuntimeException e) {
            // The old statement belonged to the connection that failed.
        }
    }

    private record Call(Method method, Object[] args) {}
}
