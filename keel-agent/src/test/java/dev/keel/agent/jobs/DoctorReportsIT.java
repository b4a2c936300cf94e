package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.stats.StatsVisibility;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** agent_doctor on a real cluster: the leader's doctor report, kept and read back as it was. */
@WithPostgres
class DoctorReportsIT {
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final TestCluster cluster;
    private final DoctorReports reports = new DoctorReports("keel");

    DoctorReportsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aKeptReportReadsBackWithItsFindingsEvidenceInOrderNotRunChecksAndVisibility() throws Exception {
        String db = cluster.createDatabase();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("table", "orders");
        evidence.put("dead", 120_000);
        evidence.put("age", null);
        evidence.put("ratio", 0.25);
        DoctorFinding finding = new DoctorFinding(
                "dead-tuples",
                DoctorSeverity.WARNING,
                "orders holds 120,000 dead rows",
                evidence,
                42.5,
                "scans read them",
                DoctorFinding.runbookOf("dead-tuples"));
        DoctorReport report = DoctorReport.of(
                List.of(finding),
                List.of(
                        CheckResult.ran("dead-tuples", 1),
                        CheckResult.notRun("slowest-statements", "no pg_stat_statements", "CREATE EXTENSION x")),
                StatsVisibility.of("app", false));

        try (Connection c = cluster.connect(db)) {
            reports.ensureExists(c);
            reports.save(c, report, AT, "agent-a");

            StoredDoctorReport stored = reports.latest(c).orElseThrow();

            assertThat(stored.at()).isEqualTo(AT);
            assertThat(stored.agent()).isEqualTo("agent-a");
            assertThat(stored.report().principal()).isEqualTo(finding);
            assertThat(List.copyOf(stored.report().principal().evidence().keySet()))
                    .containsExactly("table", "dead", "age", "ratio");
            assertThat(stored.report().results()).isEqualTo(report.results());
            assertThat(stored.report().notRun()).extracting(CheckResult::check).containsExactly("slowest-statements");
            assertThat(stored.report().visibility()).isEqualTo(report.visibility());
        }
    }

    @Test
    void aNewerReportReplacesTheOneBeforeAndAnOlderOneNever() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            reports.ensureExists(c);
            reports.save(c, DoctorReport.of(List.of(), List.of("first")), AT, "agent-a");
            reports.save(c, DoctorReport.of(List.of(), List.of("second")), AT.plusSeconds(60), "agent-b");
            reports.save(c, DoctorReport.of(List.of(), List.of("late")), AT.plusSeconds(30), "agent-a");

            StoredDoctorReport stored = reports.latest(c).orElseThrow();

            assertThat(stored.report().checks()).containsExactly("second");
            assertThat(stored.agent()).isEqualTo("agent-b");
        }
        assertThat(cluster.queryString(db, "SELECT count(*) FROM keel.agent_doctor"))
                .isEqualTo("1");
    }

    @Test
    void beforeAnyReportThereIsNoneAndReadingCreatesNothing() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThat(reports.latest(c)).isEmpty();
        }
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel') IS NULL"))
                .isEqualTo("t");
    }
}
