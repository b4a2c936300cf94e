package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PartitionSpanTest {

    @Test
    void monthsCountCalendarMonths() {
        long march31 = PartitionInterval.ordinalOf(LocalDateTime.of(2026, 3, 31, 12, 0));
        assertThat(PartitionSpan.parse("1 month").before(march31))
                .isEqualTo(PartitionInterval.ordinalOf(LocalDateTime.of(2026, 2, 28, 12, 0)));
        assertThat(PartitionSpan.parse("7 days").after(march31))
                .isEqualTo(PartitionInterval.ordinalOf(LocalDateTime.of(2026, 4, 7, 12, 0)));
        assertThat(PartitionSpan.parse("48 hours").unit()).isEqualTo("hour");
    }

    @Test
    void anythingElseSaysWhatToWrite() {
        assertThatThrownBy(() -> PartitionSpan.parse("forever"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write a whole number and a unit, e.g. 12 months");
        assertThatThrownBy(() -> PartitionSpan.parse("1.5 days")).isInstanceOf(IllegalArgumentException.class);
    }
}
