package dev.keel.agent.dashboard;

import dev.keel.agent.jobs.DoctorReports;
import dev.keel.doctor.DoctorReport;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.time.Instant;

/** Keeps a doctor report in agent_doctor as the leader's doctor job does, for the overview to show. */
final class KeptReports {
    private KeptReports() {}

    static void keep(TestCluster cluster, String db, DoctorReport report, Instant at) throws Exception {
        DoctorReports reports = new DoctorReports("keel");
        try (Connection c = cluster.connect(db)) {
            reports.ensureExists(c);
            reports.save(c, report, at, "test-agent");
        }
    }
}
