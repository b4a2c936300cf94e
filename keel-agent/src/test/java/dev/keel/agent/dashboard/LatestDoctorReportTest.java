package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LatestDoctorReportTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theDoctorRunsAtMostOncePerMaxAgeHoweverOftenThePageIsLoaded() {
        AtomicInteger runs = new AtomicInteger();
        MovingClock clock = new MovingClock();
        LatestDoctorReport latest = new LatestDoctorReport(
                () -> {
                    runs.incrementAndGet();
                    return DoctorReport.of(List.of(), List.of("wraparound-age"));
                },
                Duration.ofMinutes(1),
                clock);

        Instant first = latest.get().at();
        latest.get();
        clock.now = clock.now.plusSeconds(59);
        latest.get();
        assertThat(runs).hasValue(1);

        clock.now = clock.now.plusSeconds(1);
        assertThat(latest.get().at()).isAfter(first);
        assertThat(runs).hasValue(2);
    }

    @Test
    void onceTheJobPublishesItsReportsThePageNeverRunsTheDoctor() {
        AtomicInteger runs = new AtomicInteger();
        MovingClock clock = new MovingClock();
        LatestDoctorReport latest = new LatestDoctorReport(
                () -> {
                    runs.incrementAndGet();
                    return DoctorReport.of(List.of(), List.of("wraparound-age"));
                },
                Duration.ofMinutes(1),
                clock);
        DoctorReport published = DoctorReport.of(List.of(), List.of("from-the-job"));

        latest.publish(published, clock.now.minusSeconds(30));
        assertThat(latest.get().report()).isSameAs(published);
        latest.publish(DoctorReport.of(List.of(), List.of("older")), clock.now.minusSeconds(40));
        assertThat(latest.get().report())
                .as("an older report never replaces a newer one")
                .isSameAs(published);
        assertThat(runs).hasValue(0);

        clock.now = clock.now.plusSeconds(600);
        assertThat(latest.get().report())
                .as("the doctor job's schedule keeps it fresh; running the doctor here would write a snapshot")
                .isSameAs(published);
        assertThat(runs).hasValue(0);
    }
}
