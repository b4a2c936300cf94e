package dev.keel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    static Stream<Arguments> written() {
        return Stream.of(
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("2s", Duration.ofSeconds(2)),
                Arguments.of("5min", Duration.ofMinutes(5)),
                Arguments.of("5m", Duration.ofMinutes(5)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("3d", Duration.ofDays(3)),
                Arguments.of("250", Duration.ofMillis(250)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of(" 2 s ", Duration.ofSeconds(2)),
                Arguments.of("30MIN", Duration.ofMinutes(30)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void readsPostgresStyleDurations(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "s", "2 seconds", "-1s", "1.5s", "2sec", "PT2S"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration (write 500ms, 2s, 5min or 1h)");
    }

    @Test
    void rejectsADurationTooLargeToHoldWithTheUsualMessage() {
        for (String text : new String[] {"99999999999999999999ms", "9223372036854775807d"}) {
            assertThatThrownBy(() -> Durations.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration");
        }
    }

    @Test
    void settingIsInMillisecondsForPostgres() {
        assertThat(Durations.setting(Duration.ofSeconds(2))).isEqualTo("2000ms");
        assertThat(Durations.setting(Duration.ZERO)).isEqualTo("0ms");
    }

    @Test
    void humanPicksTheLargestWholeUnit() {
        assertThat(Durations.human(Duration.ofMinutes(2))).isEqualTo("2min");
        assertThat(Durations.human(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.human(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void humanOutputReadsBackAsTheSameDuration() {
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(45), Duration.ofMinutes(90)}) {
            assertThat(Durations.parse(Durations.human(d))).isEqualTo(d);
        }
    }

    /** Regression: `keel top --since soon` became a Keel bug (exit 70) once an IllegalArgumentException meant one. */
    @Test
    void aBadOptionValueIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> Durations.option("soon", "--since")).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).isEqualTo("--since: 'soon' is not a duration (write 500ms, 2s, 5min or 1h)");
        });
        assertThat(Durations.option("2h", "--since")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void roundedShowsAtMostTwoUnits() {
        assertThat(Durations.rounded(Duration.ofDays(1).plusHours(3).plusMinutes(7)))
                .isEqualTo("1d 3h");
        assertThat(Durations.rounded(Duration.ofDays(7).plusMinutes(59))).isEqualTo("7d");
        assertThat(Durations.rounded(Duration.ofMinutes(125).plusSeconds(9))).isEqualTo("2h 5min");
        assertThat(Durations.rounded(Duration.ofHours(36))).isEqualTo("1d 12h");
        assertThat(Durations.rounded(Duration.ofSeconds(184))).isEqualTo("3min 4s");
        assertThat(Durations.rounded(Duration.ofMinutes(12))).isEqualTo("12min");
        assertThat(Durations.rounded(Duration.ofMillis(5999))).isEqualTo("5s");
        assertThat(Durations.rounded(Duration.ofMillis(300))).isEqualTo("300ms");
    }

    @Test
    void roundedShowsNothingBelowZero() {
        assertThat(Durations.rounded(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.rounded(Duration.ofSeconds(-3))).isEqualTo("0s");
    }
}
