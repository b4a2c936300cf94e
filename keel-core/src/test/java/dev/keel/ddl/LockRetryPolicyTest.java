package dev.keel.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LockRetryPolicyTest {
    private final LockRetryPolicy policy = new LockRetryPolicy(Duration.ofSeconds(2), 5);

    @Test
    void waitsDoubleFromAQuarterSecondAndStayInTheUpperHalf() {
        SplittableRandom random = new SplittableRandom(7);
        long[] bases = {250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000};
        for (int attempt = 1; attempt <= bases.length; attempt++) {
            for (int sample = 0; sample < 200; sample++) {
                long wait = policy.waitAfter(attempt, random).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween(bases[attempt - 1] / 2, bases[attempt - 1]);
            }
        }
    }

    @Test
    void jitterSpreadsTwoWaitersApart() {
        SplittableRandom random = new SplittableRandom(11);
        assertThat(IntStream.range(0, 50)
                        .mapToObj(i -> policy.waitAfter(3, random))
                        .distinct()
                        .count())
                .isGreaterThan(10);
    }

    @Test
    void triesAreOneMoreThanRetries() {
        assertThat(policy.tries()).isEqualTo(6);
        assertThat(new LockRetryPolicy(Duration.ZERO, 0).tries()).isEqualTo(1);
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> new LockRetryPolicy(Duration.ofMillis(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockRetryPolicy(Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
