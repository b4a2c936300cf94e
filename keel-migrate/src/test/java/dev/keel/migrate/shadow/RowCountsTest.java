package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountsTest {

    @Test
    void smallCountsStayExactLargeOnesRound() {
        assertThat(RowCounts.human(0)).isEqualTo("0");
        assertThat(RowCounts.human(9_999)).isEqualTo("9999");
        assertThat(RowCounts.human(12_345)).isEqualTo("12k");
        assertThat(RowCounts.human(1_234_567)).isEqualTo("1.2M");
        assertThat(RowCounts.human(12_000_000)).isEqualTo("12M");
        assertThat(RowCounts.human(3_000_000_000L)).isEqualTo("3G");
    }

    @Test
    void aCountJustBelowTheNextUnitDoesNotReadAsAThousandOfThePrevious() {
        assertThat(RowCounts.human(999_999)).isEqualTo("1M");
    }

    @Test
    void targetRowsAreKeyedBySchemaAndTable() {
        TargetRows rows = new TargetRows(Map.of(
                new RelationName("public", "orders"),
                12_000_000L,
                new RelationName("archive", "orders"),
                5L,
                new RelationName("public", "fresh"),
                -1L));
        assertThat(rows.describe(new RelationName("public", "orders"))).isEqualTo("~12M rows on the target");
        assertThat(rows.describe(new RelationName("archive", "orders"))).isEqualTo("~5 rows on the target");
        assertThat(rows.describe(new RelationName("public", "fresh"))).isEqualTo("no row estimate on the target");
        assertThat(rows.estimate(new RelationName("public", "missing"))).isEmpty();
    }
}
