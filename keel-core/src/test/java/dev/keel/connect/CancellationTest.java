package dev.keel.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void aPauseEndsAtOnceWhenCancelled() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel("SIGINT");
        long start = System.nanoTime();
        assertThat(cancellation.pause(Duration.ofMinutes(10))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aPauseThatNobodyCancelsRunsOut() {
        assertThat(Cancellation.none().pause(Duration.ofMillis(1))).isTrue();
    }

    @Test
    void theFirstReasonStays() {
        Cancellation cancellation = new Cancellation();
        assertThat(cancellation.isCancelled()).isFalse();
        assertThat(cancellation.reason()).isNull();
        cancellation.cancel("SIGTERM");
        cancellation.cancel("SIGINT");
        assertThat(cancellation.isCancelled()).isTrue();
        assertThat(cancellation.reason()).isEqualTo("SIGTERM");
    }
}
