package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSizerTest {
    private static final long MS = 1_000_000;

    @Test
    void aFastBatchAtMostDoublesTheNext() {
        BatchSizer sizer = new BatchSizer(1000, Duration.ofMillis(100));
        sizer.took(1000, 10 * MS);
        assertThat(sizer.size()).isEqualTo(2000);
    }

    @Test
    void aSlowBatchShrinksTheNextToTheTargetTimeAtOnce() {
        BatchSizer sizer = new BatchSizer(1000, Duration.ofMillis(100));
        sizer.took(1000, 400 * MS);
        assertThat(sizer.size()).isEqualTo(250);
    }

    @Test
    void aBatchOnTargetKeepsItsSize() {
        BatchSizer sizer = new BatchSizer(1000, Duration.ofMillis(100));
        sizer.took(1000, 100 * MS);
        assertThat(sizer.size()).isEqualTo(1000);
    }

    @Test
    void sizesStayBetweenOneRowAndTheCeiling() {
        BatchSizer sizer = new BatchSizer(10, Duration.ofMillis(100));
        sizer.took(10, 1000_000 * MS);
        assertThat(sizer.size()).isEqualTo(1);
        BatchSizer big = new BatchSizer(900_000, Duration.ofMillis(100));
        big.took(900_000, MS);
        assertThat(big.size()).isEqualTo(BatchSizer.MAX);
    }

    @Test
    void aShortLastBatchTeachesNothing() {
        BatchSizer sizer = new BatchSizer(1000, Duration.ofMillis(100));
        sizer.took(3, 1000 * MS);
        assertThat(sizer.size()).isEqualTo(1000);
    }

    @Test
    void withoutATargetTimeEveryBatchHasTheFirstSize() {
        BatchSizer sizer = new BatchSizer(500, Duration.ZERO);
        sizer.took(500, MS);
        sizer.took(500, 10_000 * MS);
        assertThat(sizer.size()).isEqualTo(500);
    }
}
