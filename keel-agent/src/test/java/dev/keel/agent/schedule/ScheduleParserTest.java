package dev.keel.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleParserTest {

    private static Schedule parse(String text) {
        return ScheduleParser.parse(text, ZoneOffset.UTC);
    }

    @Test
    void intervalsAreWrittenAsPostgresqlWritesDurations() {
        assertThat(parse("5min")).isEqualTo(new Schedule.Every(Duration.ofMinutes(5)));
        assertThat(parse("1h")).isEqualTo(new Schedule.Every(Duration.ofHours(1)));
        assertThat(parse(" 7d ")).isEqualTo(new Schedule.Every(Duration.ofDays(7)));
        assertThat(parse("7d").text()).isEqualTo("7d");
        assertThat(parse("90min").text()).isEqualTo("90min");
    }

    @Test
    void offAndContinuousAreWords() {
        assertThat(parse("off")).isInstanceOf(Schedule.Off.class);
        assertThat(parse("OFF")).isInstanceOf(Schedule.Off.class);
        assertThat(parse("continuous")).isInstanceOf(Schedule.Continuous.class);
    }

    @Test
    void aFiveFieldCronExpressionNamesTheNextTimes() {
        Schedule sundays = parse("0 3 * * 0");
        assertThat(sundays).isInstanceOf(Schedule.Cron.class);
        // 2026-12-03 is a Thursday: the next Sunday 03:00 is the 6th.
        assertThat(sundays.next(Instant.parse("2026-12-03T10:00:00Z"))).contains(Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(parse("0 2 * * 1-6").next(Instant.parse("2026-12-05T03:00:00Z")))
                .as("Saturday 03:00 → Monday 02:00")
                .contains(Instant.parse("2026-12-07T02:00:00Z"));
        assertThat(parse("*/15 * * * *").next(Instant.parse("2026-12-03T10:00:00Z")))
                .contains(Instant.parse("2026-12-03T10:15:00Z"));
    }

    @Test
    void anIntervalCountsFromTheLastStart() {
        assertThat(parse("1h").next(Instant.parse("2026-12-03T10:00:00Z")))
                .contains(Instant.parse("2026-12-03T11:00:00Z"));
        assertThat(parse("off").next(Instant.EPOCH)).isEmpty();
    }

    @Test
    void whatIsNeitherIsRefusedSayingWhy() {
        assertThatThrownBy(() -> parse("every day")).hasMessageContaining("neither an interval nor a cron");
        assertThatThrownBy(() -> parse("0 3 * * * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> parse("61 3 * * *")).hasMessageContaining("not a valid cron expression");
        assertThatThrownBy(() -> parse("5 weeks")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIntervalShorterThanTenSecondsIsRefused() {
        assertThatThrownBy(() -> parse("500ms")).hasMessageContaining("at least 10s");
        assertThat(parse("10s")).isEqualTo(new Schedule.Every(Duration.ofSeconds(10)));
    }
}
