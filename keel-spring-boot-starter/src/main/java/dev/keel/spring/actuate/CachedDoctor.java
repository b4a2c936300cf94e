package dev.keel.spring.actuate;

import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.Doctor;
import dev.keel.doctor.DoctorReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One doctor run answers every probe for a while: a load balancer probing each second must not put the doctor's
 * catalog reads on the database each second. Concurrent probes share one run.
 */
final class CachedDoctor {
    private final Doctor doctor;
    private final ConnectionSource source;
    private final Duration cacheFor;
    private final Clock clock;
    private DoctorReport report;
    private Instant ranAt;

    CachedDoctor(Doctor doctor, ConnectionSource source, Duration cacheFor, Clock clock) {
        this.doctor = doctor;
        this.source = source;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    synchronized DoctorReport report() {
        Instant now = clock.instant();
        if (report == null || !now.isBefore(ranAt.plus(cacheFor))) {
            report = doctor.run(source);
            ranAt = now;
        }
        return report;
    }

    synchronized Instant ranAt() {
        return ranAt;
    }
}
