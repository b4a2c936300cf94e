package dev.keel.backup.incr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.incr.SummaryCoverage.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCoverageTest {
    private static final List<Summary> BACK_TO_BACK =
            List.of(new Summary(300, 400), new Summary(100, 200), new Summary(200, 300));

    @Test
    void backToBackSummariesCoverTheRangeTheyReach() {
        assertThat(SummaryCoverage.covering(BACK_TO_BACK, 150, 350))
                .contains(List.of(new Summary(100, 200), new Summary(200, 300), new Summary(300, 400)));
        assertThat(SummaryCoverage.covering(BACK_TO_BACK, 200, 300)).contains(List.of(new Summary(200, 300)));
    }

    @Test
    void aGapOrAnEndShortOfTheRangeCoversNothing() {
        assertThat(SummaryCoverage.covering(List.of(new Summary(100, 200), new Summary(250, 400)), 150, 300))
                .isEmpty();
        assertThat(SummaryCoverage.covering(BACK_TO_BACK, 50, 300))
                .as("summarizer switched on after the parent")
                .isEmpty();
        assertThat(SummaryCoverage.covering(BACK_TO_BACK, 150, 450)).isEmpty();
    }
}
