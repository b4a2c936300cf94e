package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockWaitMonitorTest {

    @Test
    void readsPostgresIntegerArrays() {
        assertThat(LockWaitMonitor.pids("{}")).isEmpty();
        assertThat(LockWaitMonitor.pids(null)).isEmpty();
        assertThat(LockWaitMonitor.pids("{4242,17}")).containsExactly(4242, 17);
    }
}
