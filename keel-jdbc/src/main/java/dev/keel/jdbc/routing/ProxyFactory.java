package dev.keel.jdbc.routing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Makes proxies of one interface through a constructor looked up once: {@code Proxy.newProxyInstance}
 * finds the proxy class and its constructor on every call, and callable statements made on a replica are proxies.
 */
final class ProxyFactory<T> {
    private final Class<T> type;
    private final Constructor<?> constructor;

    ProxyFactory(Class<T> type) {
        this.type = type;
        Object sample = Proxy.newProxyInstance(
                ProxyFactory.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null);
        try {
            this.constructor = sample.getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a proxy class without its InvocationHandler constructor", e);
        }
    }

    T create(InvocationHandler handler) {
        try {
            return type.cast(constructor.newInstance(handler));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate a proxy of " + type.getName(), e);
        }
    }
}
