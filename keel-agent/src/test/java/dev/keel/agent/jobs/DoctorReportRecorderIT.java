package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.doctor.DoctorReport;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor job's reports kept for every agent's overview, through the real doctor on a real cluster. */
@WithPostgres
class DoctorReportRecorderIT {
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void eachReportOfTheDoctorJobReplacesTheKeptOneWithItsTimeAndAgent(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        DoctorReports reports = new DoctorReports("keel");
        DoctorReportRecorder recorder =
                new DoctorReportRecorder(db.source(), reports, "agent-a", Clock.fixed(AT, ZoneOffset.UTC));
        DoctorReport report = InsightJobsFixture.insight(db, dir).doctor();

        new DoctorJob(InsightJobsFixture.insight(db, dir), recorder).run();
        recorder.accept(report);

        try (Connection c = cluster.connect(db.name())) {
            StoredDoctorReport kept = reports.latest(c).orElseThrow();
            assertThat(kept.at()).isEqualTo(AT);
            assertThat(kept.agent()).isEqualTo("agent-a");
            assertThat(kept.report().checks()).isEqualTo(report.checks());
            assertThat(kept.report().results()).isEqualTo(report.results());
        }
        assertThat(db.count("SELECT count(*) FROM keel.agent_doctor")).isEqualTo(1);
    }
}
