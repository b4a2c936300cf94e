package dev.keel.agent.dashboard;

import dev.keel.doctor.DoctorReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The doctor report the overview shows: run at most once per {@code maxAge} however often the page is loaded, since
 * the checks read the catalog and a browser left open (or several) must not multiply their cost. The doctor only
 * reads, so the overview stays read-only.
 */
public final class LatestDoctorReport {
    /** What the overview shows: the report, and when the doctor ran. */
    public record Dated(DoctorReport report, Instant at) {}

    private final Supplier<DoctorReport> doctor;
    private final Duration maxAge;
    private final Clock clock;
    private Dated latest;

    public LatestDoctorReport(Supplier<DoctorReport> doctor, Duration maxAge, Clock clock) {
        this.doctor = doctor;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized Dated get() {
        Instant now = clock.instant();
        if (latest == null || Duration.between(latest.at(), now).compareTo(maxAge) >= 0) {
            latest = new Dated(doctor.get(), now);
        }
        return latest;
    }
}
