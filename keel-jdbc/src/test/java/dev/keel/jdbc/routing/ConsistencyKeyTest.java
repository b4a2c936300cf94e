package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConsistencyKeyTest {
    @Test
    void scopesNestAndEachCloseRestoresTheKeyBeforeIt() {
        assertThat(ConsistencyKey.current()).isNull();
        try (ConsistencyKey.Scope outer = ConsistencyKey.open("user-1")) {
            try (ConsistencyKey.Scope inner = ConsistencyKey.open("user-2")) {
                assertThat(ConsistencyKey.current()).isEqualTo("user-2");
            }
            assertThat(ConsistencyKey.current()).isEqualTo("user-1");
        }
        assertThat(ConsistencyKey.current()).isNull();
    }

    @Test
    void withKeyRunsTheWorkUnderTheKeyEvenWhenItThrows() throws Exception {
        assertThat(RoutingDataSource.withKey("user-3", ConsistencyKey::current)).isEqualTo("user-3");
        try {
            RoutingDataSource.withKey("user-4", () -> {
                throw new IllegalStateException("failed work");
            });
        } catch (IllegalStateException expected) {
            // the key must be gone all the same
        }
        assertThat(ConsistencyKey.current()).isNull();
    }

    @Test
    void theDefaultKeyIsOnePerThread() throws Exception {
        String here = ConsistencyKey.perThread().get();
        AtomicReference<String> there = new AtomicReference<>();
        Thread other = new Thread(() -> there.set(ConsistencyKey.perThread().get()));
        other.start();
        other.join();
        assertThat(here).isEqualTo(ConsistencyKey.perThread().get()).isNotEqualTo(there.get());
    }
}
