package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times in notes read as local wall-clock time to the second. */
class TimesTest {

    @Test
    void timesAreLocalToTheSecond() {
        OffsetDateTime when = OffsetDateTime.of(2026, 1, 24, 10, 15, 30, 999_000_000, ZoneOffset.UTC);
        assertThat(Times.format(when)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:30");
    }
}
