package dev.keel.spring.replicas;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.jdbc.routing.ConsistencyKey;
import dev.keel.spring.KeelProperties.ConsistencyKeySource;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Turns {@code keel.replicas.consistency-key} into the key supplier of the routing DataSource. */
final class ConsistencyKeys {
    private static final boolean WEB =
            ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder", null);

    private ConsistencyKeys() {}

    static Supplier<String> of(ConsistencyKeySource source, ObjectProvider<KeelConsistencyKey> bean) {
        Supplier<String> thread = ConsistencyKey.perThread();
        return switch (source) {
            case THREAD -> thread;
            case SESSION -> {
                if (!WEB) {
                    throw new KeelException(
                            CoreError.SETUP_INVALID,
                            "keel.replicas.consistency-key is session, and Spring's web support is not on the class"
                                    + " path",
                            "use thread or bean, or add Spring MVC");
                }
                yield () -> orElse(sessionId(), thread);
            }
            case BEAN -> {
                KeelConsistencyKey key = bean.getIfUnique();
                if (key == null) {
                    throw new KeelException(
                            CoreError.SETUP_INVALID,
                            "keel.replicas.consistency-key is bean, and there is no single KeelConsistencyKey bean",
                            "define one bean that returns the current user's or tenant's key, or use thread");
                }
                yield () -> orElse(key.currentKey(), thread);
            }
        };
    }

    private static String sessionId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        // A request without a session has written nothing another request of the same user must see.
        return request == null ? null : "session-" + request.getSessionId();
    }

    private static String orElse(String key, Supplier<String> fallback) {
        return key != null ? key : fallback.get();
    }
}
