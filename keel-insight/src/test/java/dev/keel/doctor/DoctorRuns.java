package dev.keel.doctor;

import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/** Runs one check on a test database; statistics arrive asynchronously, so a test can wait for the finding. */
public final class DoctorRuns {

    private DoctorRuns() {}

    public static DoctorReport run(TestCluster cluster, String db, DoctorCheck... checks) {
        try (Connection c = cluster.connect(db)) {
            return Doctor.of("keel", checks).run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs until {@code done} holds or {@code limit} passes, and returns the last report. The
     * cumulative statistics (pg_stat_*) reach other sessions only when a backend flushes them,
     * at most a second or so after it changed them.
     */
    public static DoctorReport until(
            Predicate<DoctorReport> done, Duration limit, TestCluster cluster, String db, DoctorCheck... checks) {
        long deadline = System.nanoTime() + limit.toNanos();
        DoctorReport report = run(cluster, db, checks);
        while (!done.test(report) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = run(cluster, db, checks);
        }
        return report;
    }
}
