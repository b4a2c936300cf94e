package dev.keel.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.DoctorReport;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@WithPostgres
class CachedDoctorIT {

    @Test
    void oneRunAnswersEveryProbeUntilThePeriodEnds(TestCluster cluster) {
        AtomicInteger connections = new AtomicInteger();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public Connection open() {
                connections.incrementAndGet();
                try {
                    return DriverManager.getConnection(cluster.jdbcUrl());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String describe() {
                return "the test cluster";
            }
        };
        MovableClock clock = new MovableClock();
        CachedDoctor doctor = new CachedDoctor(HealthDoctor.create("keel"), source, Duration.ofSeconds(30), clock);

        DoctorReport first = doctor.report();
        clock.advance(Duration.ofSeconds(29));
        assertThat(doctor.report()).isSameAs(first);
        assertThat(connections).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(doctor.report()).isNotSameAs(first);
        assertThat(connections).hasValue(2);
        assertThat(doctor.ranAt()).isEqualTo(clock.instant());
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
