package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCeilingWithJitterBelowEachStep() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800));

        assertThat(backoff.nextDelayMillis()).isBetween(80L, 100L);
        assertThat(backoff.nextDelayMillis()).isBetween(160L, 200L);
        assertThat(backoff.nextDelayMillis()).isBetween(320L, 400L);
        assertThat(backoff.nextDelayMillis()).isBetween(640L, 800L);
        assertThat(backoff.nextDelayMillis()).isBetween(640L, 800L);
    }

    @Test
    void startsAgainFromTheFirstWaitAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();

        backoff.reset();

        assertThat(backoff.nextDelayMillis()).isBetween(80L, 100L);
    }
}
