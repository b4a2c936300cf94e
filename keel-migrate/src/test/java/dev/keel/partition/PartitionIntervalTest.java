package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PartitionIntervalTest {
    private static final long DEC_3_2026_1415 = PartitionInterval.ordinalOf(LocalDateTime.of(2026, 12, 3, 14, 15, 7));

    private static String name(String interval, KeyType type, long ordinal) {
        PartitionInterval width = PartitionInterval.parse(interval, type);
        return width.partitionName("events", width.bucketOf(ordinal));
    }

    @Test
    void namesFollowWherePartitionsStart() {
        assertThat(name("1 month", KeyType.TIMESTAMPTZ, DEC_3_2026_1415)).isEqualTo("events_p2026_12");
        assertThat(name("day", KeyType.TIMESTAMPTZ, DEC_3_2026_1415)).isEqualTo("events_p20261203");
        assertThat(name("week", KeyType.DATE, DEC_3_2026_1415)).isEqualTo("events_p20261130");
        assertThat(name("quarter", KeyType.TIMESTAMPTZ, DEC_3_2026_1415)).isEqualTo("events_p2026_10");
        assertThat(name("year", KeyType.TIMESTAMP, DEC_3_2026_1415)).isEqualTo("events_p2026");
        assertThat(name("6 hours", KeyType.TIMESTAMPTZ, DEC_3_2026_1415)).isEqualTo("events_p20261203_12");
        assertThat(name("15 minutes", KeyType.TIMESTAMPTZ, DEC_3_2026_1415)).isEqualTo("events_p20261203_1415");
        assertThat(name("1000", KeyType.INTEGER, 123_456)).isEqualTo("events_p123000");
        assertThat(name("1000", KeyType.INTEGER, -1)).isEqualTo("events_pm1000");
    }

    @Test
    void bucketsFollowEachOtherWithoutGaps() {
        PartitionInterval month = PartitionInterval.parse("1 month", KeyType.TIMESTAMPTZ);
        long b = month.bucketOf(DEC_3_2026_1415);
        assertThat(month.literal(month.lower(b))).isEqualTo("'2026-12-01 00:00:00+00'");
        assertThat(month.literal(month.lower(b + 1))).isEqualTo("'2027-01-01 00:00:00+00'");
        assertThat(month.bucketOf(month.lower(b + 1))).isEqualTo(b + 1);
        assertThat(month.bucketOf(month.lower(b + 1) - 1)).isEqualTo(b);
        PartitionInterval day = PartitionInterval.parse("day", KeyType.DATE);
        assertThat(day.literal(day.lower(day.bucketOf(DEC_3_2026_1415)))).isEqualTo("'2026-12-03'");
    }

    @Test
    void widthsThatDoNotDivideTheirUnitAreRefused() {
        assertThatThrownBy(() -> PartitionInterval.parse("7 hours", KeyType.TIMESTAMPTZ))
                .isInstanceOf(PartitionInterval.Invalid.class)
                .hasMessageContaining("does not divide a day evenly")
                .satisfies(
                        e -> assertThat(((PartitionInterval.Invalid) e).fix()).contains("1, 2, 3, 4, 6, 8, 12"));
        assertThatThrownBy(() -> PartitionInterval.parse("45 minutes", KeyType.TIMESTAMPTZ))
                .hasMessageContaining("does not divide an hour evenly");
        assertThatThrownBy(() -> PartitionInterval.parse("5 months", KeyType.TIMESTAMPTZ))
                .hasMessageContaining("does not divide a year evenly");
        assertThatThrownBy(() -> PartitionInterval.parse("2 days", KeyType.TIMESTAMPTZ))
                .hasMessageContaining("more than one day");
        assertThatThrownBy(() -> PartitionInterval.parse("6 hours", KeyType.DATE))
                .hasMessageContaining("shorter than a day");
        assertThatThrownBy(() -> PartitionInterval.parse("fortnight", KeyType.TIMESTAMPTZ))
                .hasMessageContaining("is not one keel partitions by");
        assertThatThrownBy(() -> PartitionInterval.parse("1 month", KeyType.INTEGER))
                .hasMessageContaining("not a width for an integer key");
        assertThatThrownBy(() -> PartitionInterval.parse("0", KeyType.INTEGER))
                .isInstanceOf(PartitionInterval.Invalid.class);
    }
}
