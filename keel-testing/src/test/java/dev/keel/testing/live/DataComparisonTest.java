package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataComparisonTest {

    @Test
    void equalRowsAreTheSame() {
        DataComparison c =
                DataComparison.of("backfill", "old", List.of(List.of("1", "a")), "new", List.of(List.of("1", "a")));
        assertThat(c.same()).isTrue();
        assertThat(c).hasToString("after backfill, old (1 rows) and new (1 rows): same");
    }

    @Test
    void namesTheFirstRowThatDiffers() {
        DataComparison c = DataComparison.of(
                "start",
                "old",
                List.of(List.of("1", "a"), List.of("2", "b"), List.of("3", "c")),
                "new",
                List.of(List.of("1", "a"), Arrays.asList("2", null), List.of("3", "x")));
        assertThat(c.same()).isFalse();
        assertThat(c.firstDifference()).isEqualTo("row 2: old [2, b], new [2, null]");
    }

    @Test
    void aMissingRowIsADifference() {
        DataComparison c =
                DataComparison.of("start", "old", List.of(List.of("1"), List.of("2")), "new", List.of(List.of("1")));
        assertThat(c.firstDifference()).isEqualTo("old has 2 rows, new 1; the first extra: [2]");
    }
}
