package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PartitionBoundTest {
    private static final long DEC_3_2026 = PartitionInterval.ordinalOf(LocalDateTime.of(2026, 12, 3, 14, 15, 7));

    @Test
    void boundsReadBackFromTheCatalogText() {
        PartitionBound b = PartitionBound.parse(
                "FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')", KeyType.TIMESTAMPTZ);
        PartitionInterval month = PartitionInterval.parse("month", KeyType.TIMESTAMPTZ);
        assertThat(b.lower()).isEqualTo(month.lower(month.bucketOf(DEC_3_2026)));
        assertThat(b.upper()).isEqualTo(month.lower(month.bucketOf(DEC_3_2026) + 1));
        assertThat(PartitionBound.parse(
                        "FOR VALUES FROM ('2026-12-01 01:00:00+01') TO ('2026-12-31 19:00:00-05')",
                        KeyType.TIMESTAMPTZ))
                .as("printed in another session zone")
                .isEqualTo(b);
        assertThat(PartitionBound.parse("FOR VALUES FROM ('2026-12-01') TO ('2027-01-01')", KeyType.DATE))
                .isEqualTo(b);
    }

    @Test
    void openEndsAndOtherPartitionsAreNotRanges() {
        assertThat(PartitionBound.parse("FOR VALUES FROM (MINVALUE) TO (1000)", KeyType.INTEGER))
                .isEqualTo(new PartitionBound(Long.MIN_VALUE, 1000));
        assertThat(PartitionBound.parse("DEFAULT", KeyType.INTEGER)).isNull();
        assertThat(PartitionBound.parse("FOR VALUES IN ('de')", null)).isNull();
        assertThat(PartitionBound.parse("FOR VALUES FROM (1, 2) TO (3, 4)", KeyType.INTEGER))
                .as("a key of two columns")
                .isNull();
    }

    @Test
    void overlapIsHalfOpen() {
        PartitionBound b = new PartitionBound(0, 10);
        assertThat(b.overlaps(10, 20)).isFalse();
        assertThat(b.overlaps(9, 20)).isTrue();
        assertThat(b.overlaps(-5, 0)).isFalse();
    }
}
