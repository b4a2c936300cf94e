package dev.keel.jdbc.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A {@link RetriableStatement} for a callable statement. Calls are rare on the read path and the
 * interface is three times a prepared statement's, so this one is a dynamic proxy over the same core:
 * executions go through {@link RetriableStatement#execute}, settings through {@link RetriableStatement#apply}.
 */
final class RetriableCallableStatement implements InvocationHandler {
    private static final ProxyFactory<CallableStatement> PROXIES = new ProxyFactory<>(CallableStatement.class);
    private final RetriableStatement<CallableStatement> core;

    private RetriableCallableStatement(RetriableStatement<CallableStatement> core) {
        this.core = core;
    }

    static CallableStatement wrap(
            RoutingConnection connection, SqlFunction<Connection, CallableStatement> factory, CallableStatement made) {
        return PROXIES.create(new RetriableCallableStatement(new RetriableStatement<>(connection, factory, made)));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getConnection":
                return core.getConnection();
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "toString":
                return "RetriableCallableStatement[" + core.delegate + "]";
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || core.delegate.isWrapperFor((Class<?>) args[0]);
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(self) ? self : core.delegate.unwrap((Class<?>) args[0]);
            default:
                break;
        }
        if (name.startsWith("execute")) {
            return core.execute(s -> call(s, method, args));
        }
        // What returns something only reads; of the void calls only close and cancel are not settings.
        if (method.getReturnType() != void.class || name.equals("close") || name.equals("cancel")) {
            return call(core.delegate, method, args);
        }
        core.apply(s -> call(s, method, args));
        return null;
    }

    private static Object call(CallableStatement on, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(on, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a CallableStatement method that cannot be called: " + method, e);
        }
    }
}
