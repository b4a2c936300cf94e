package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LsnHistoryTest {
    private final LsnHistory history = new LsnHistory(4);

    @Test
    void aReplicaThatReplayedEverythingSampledHasNoLag() {
        history.add(1_000, 10);
        history.add(2_000, 20);
        assertThat(history.lagNanos(20, 5_000)).isZero();
    }

    @Test
    void lagIsTheAgeOfTheFirstSampleAheadOfTheReplay() {
        history.add(1_000, 10);
        history.add(2_000, 20);
        history.add(3_000, 30);
        assertThat(history.lagNanos(15, 5_000)).isEqualTo(3_000);
        assertThat(history.lagNanos(5, 5_000)).isEqualTo(4_000);
    }

    @Test
    void anIdlePrimaryKeepsTheTimeItFirstReachedAPosition() {
        history.add(1_000, 10);
        history.add(2_000, 10);
        history.add(3_000, 10);
        assertThat(history.lagNanos(5, 5_000)).isEqualTo(4_000);
        assertThat(history.latest()).isEqualTo(10);
    }

    @Test
    void aLagLongerThanTheHistoryReadsAsTheOldestSamplesAge() {
        for (int i = 1; i <= 6; i++) {
            history.add(i * 1_000L, i * 10L);
        }
        assertThat(history.lagNanos(0, 10_000)).isEqualTo(7_000);
    }

    @Test
    void noSamplesMeansNoPrimaryPosition() {
        assertThat(history.latest()).isEqualTo(-1);
        assertThat(history.lagNanos(0, 1_000)).isZero();
    }
}
