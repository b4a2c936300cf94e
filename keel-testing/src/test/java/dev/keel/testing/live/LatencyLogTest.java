package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyLogTest {

    @Test
    void summarizesLogsTogetherWithNearestRankPercentiles() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        for (long i = 1; i <= 1500; i++) {
            a.add(i);
        }
        for (long i = 1501; i <= 2000; i++) {
            b.add(i);
        }
        LatencySummary summary = LatencyLog.summarize(List.of(b, a));
        assertThat(summary).isEqualTo(new LatencySummary(2000, 1000, 1980, 2000));
    }

    @Test
    void anEmptyLogSummarizesToZeros() {
        assertThat(LatencyLog.summarize(List.of(new LatencyLog()))).isEqualTo(new LatencySummary(0, 0, 0, 0));
    }
}
