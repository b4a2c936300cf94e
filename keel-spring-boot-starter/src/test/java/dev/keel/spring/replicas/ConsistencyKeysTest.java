package dev.keel.spring.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.spring.KeelProperties.ConsistencyKeySource;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ConsistencyKeysTest {

    private static ObjectProvider<KeelConsistencyKey> beans(KeelConsistencyKey... keys) {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        for (int i = 0; i < keys.length; i++) {
            factory.registerSingleton("key" + i, keys[i]);
        }
        return factory.getBeanProvider(KeelConsistencyKey.class);
    }

    @Test
    void threadGivesEachThreadItsOwnKey() throws Exception {
        Supplier<String> key = ConsistencyKeys.of(ConsistencyKeySource.THREAD, beans());
        String mine = key.get();
        String[] other = new String[1];
        Thread thread = new Thread(() -> other[0] = key.get());
        thread.start();
        thread.join();
        assertThat(mine).isNotEqualTo(other[0]).isEqualTo(key.get());
    }

    @Test
    void sessionUsesTheRequestsSessionAndTheThreadOutsideARequest() {
        Supplier<String> key = ConsistencyKeys.of(ConsistencyKeySource.SESSION, beans());
        String outside = key.get();
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThat(key.get()).isEqualTo("session-" + request.getSession().getId());
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(key.get()).isEqualTo(outside);
    }

    @Test
    void beanAsksTheApplicationAndFallsBackToTheThreadOnNull() {
        String[] user = {"alice"};
        Supplier<String> key = ConsistencyKeys.of(ConsistencyKeySource.BEAN, beans(() -> user[0]));
        assertThat(key.get()).isEqualTo("alice");
        user[0] = null;
        assertThat(key.get()).startsWith("thread-");
    }

    @Test
    void beanWithoutABeanIsAConfigurationError() {
        assertThatThrownBy(() -> ConsistencyKeys.of(ConsistencyKeySource.BEAN, beans()))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SETUP_INVALID));
    }
}
