package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in notes read the way --since is written. */
class TimesTest {

    @Test
    void durationsUseTheLargestWholeUnit() {
        assertThat(Times.human(Duration.ofSeconds(43))).isEqualTo("43s");
        assertThat(Times.human(Duration.ofMinutes(12).plusSeconds(5))).isEqualTo("12min");
        assertThat(Times.human(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Times.human(Duration.ofMinutes(90))).isEqualTo("1h30min");
        assertThat(Times.human(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Times.human(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Times.human(Duration.ofSeconds(-3))).isEqualTo("0s");
    }
}
