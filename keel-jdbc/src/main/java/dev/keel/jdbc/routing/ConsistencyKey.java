package dev.keel.jdbc.routing;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The key whose writes a read must see: a user, a session, a tenant. Work run under a key (through
 * {@link #open(String)} or {@link RoutingDataSource#withKey(String, Callable)}) uses it; other work uses
 * the router's {@code consistencyKey} supplier, by default the current thread.
 *
 * <pre>{@code
 * try (ConsistencyKey.Scope scope = ConsistencyKey.open("user-" + userId)) {
 *     orders.save(order);      // records the primary's position for "user-42"
 *     orders.findAll();        // read-only: a replica only once it has replayed that position
 * }
 * }</pre>
 */
public final class ConsistencyKey {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> THREAD_KEY =
            ThreadLocal.withInitial(() -> "thread-" + Thread.currentThread().getId());

    private ConsistencyKey() {}

    /** Runs the current thread's work under {@code key} until the scope is closed; scopes nest. */
    public static Scope open(String key) {
        Objects.requireNonNull(key, "consistency key");
        String previous = CURRENT.get();
        CURRENT.set(key);
        return new Scope(previous);
    }

    /** The key opened on this thread, or null when none is. */
    public static String current() {
        return CURRENT.get();
    }

    /** The default supplier: one key per thread, so a thread reads what it wrote. */
    public static Supplier<String> perThread() {
        return THREAD_KEY::get;
    }

    static <T> T call(String key, Callable<T> work) throws Exception {
        try (Scope ignored = open(key)) {
            return work.call();
        }
    }

    /** Closing it restores the key that was current before it was opened. */
    public static final class Scope implements AutoCloseable {
        private final String previous;
        private boolean closed;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
