package dev.keel.agent.dashboard;

import dev.keel.doctor.DoctorReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The doctor report the overview shows: the doctor job's last one, once it has published one here; otherwise (a
 * standby, or the doctor scheduled off) the doctor run on demand, at most once per {@code maxAge} however often the page is loaded, since the checks read the catalog and a
 * browser left open (or several) must not multiply their cost. Run on demand, the doctor's slowest-statements check
 * stores a statement snapshot (it ranks as keel top does): the one write the overview can cause, which a published
 * report avoids.
 */
public final class LatestDoctorReport {
    /** What the overview shows: the report, and when the doctor ran. */
    public record Dated(DoctorReport report, Instant at) {}

    private final Supplier<DoctorReport> doctor;
    private final Duration maxAge;
    private final Clock clock;
    private Dated latest;
    private boolean published;

    public LatestDoctorReport(Supplier<DoctorReport> doctor, Duration maxAge, Clock clock) {
        this.doctor = doctor;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The doctor job's report, taken at {@code at}: the page shows it while it is fresh instead of running the doctor. */
    public synchronized void publish(DoctorReport report, Instant at) {
        if (latest == null || !published || !at.isBefore(latest.at())) {
            latest = new Dated(report, at);
        }
        published = true;
    }

    /** The doctor job's last report once it has published one (its schedule keeps it fresh); else a run on demand. */
    public synchronized Dated get() {
        if (published) {
            return latest;
        }
        Instant now = clock.instant();
        if (latest == null || Duration.between(latest.at(), now).compareTo(maxAge) >= 0) {
            latest = new Dated(doctor.get(), now);
        }
        return latest;
    }
}
