package dev.keel.agent.dashboard;

import dev.keel.agent.jobs.DoctorReports;
import dev.keel.agent.jobs.StoredDoctorReport;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The doctor report the overview shows: the one the leading agent's doctor job kept in agent_doctor, read alike on the
 * leader and on a standby. The page never runs the doctor itself: its slowest-statements check stores a statement
 * snapshot, a write, and the dashboard changes nothing.
 */
public final class LatestDoctorReport {
    private final ConnectionSource connections;
    private final DoctorReports reports;

    /** @param connections read-only ones (see {@link ReadOnlyConnections}) */
    public LatestDoctorReport(ConnectionSource connections, String schema) {
        this.connections = connections;
        this.reports = new DoctorReports(schema);
    }

    /** The newest report; empty while no doctor job has recorded one. */
    public Optional<StoredDoctorReport> get() {
        try (Connection c = connections.open()) {
            return reports.latest(c);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + connections.describe() + " failed: " + e.getMessage(),
                    "reload the page",
                    e);
        }
    }
}
