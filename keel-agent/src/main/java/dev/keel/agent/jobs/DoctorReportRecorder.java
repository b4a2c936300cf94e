package dev.keel.agent.jobs;

import dev.keel.agent.AgentError;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.DoctorReport;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Told each report of the leader's doctor job, keeps it in agent_doctor for every agent's overview. A failure to keep
 * it fails the doctor run (agent_runs and keel_job_failures_total say so): the overviews would go on showing an old
 * report.
 */
public final class DoctorReportRecorder implements Consumer<DoctorReport> {
    private final ConnectionSource database;
    private final DoctorReports reports;
    private final String agent;
    private final Clock clock;
    private volatile boolean tableChecked;

    public DoctorReportRecorder(ConnectionSource database, DoctorReports reports, String agent, Clock clock) {
        this.database = database;
        this.reports = reports;
        this.agent = agent;
        this.clock = clock;
    }

    @Override
    public void accept(DoctorReport report) {
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            if (!tableChecked) {
                reports.ensureExists(c);
                tableChecked = true;
            }
            reports.save(c, report, clock.instant(), agent);
        } catch (SQLException e) {
            throw new KeelException(
                    AgentError.HISTORY_FAILED,
                    "keeping the doctor's report on " + database.describe() + " failed: " + e.getMessage(),
                    "check that the database is up and keel up's user may write keel's schema",
                    e);
        }
    }
}
