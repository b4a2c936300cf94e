package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.Backups;
import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorReport;
import dev.keel.insight.Insight;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview on a real cluster with provoked findings, read by the real doctor. */
@WithPostgres
class OverviewPageIT {
    private final TestCluster cluster;

    OverviewPageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void showsThePrincipalConstraintFirstThenEachFindingWithEvidenceAndItsRunbookAllEscaped(@TempDir Path dir)
            throws Exception {
        String db = cluster.createDatabase();
        // A failed concurrent unique build leaves an INVALID index on a table whose name is markup.
        cluster.execute(db, "CREATE TABLE \"<script>alert(1)</script>\" (a int)");
        cluster.execute(db, "INSERT INTO \"<script>alert(1)</script>\" VALUES (1), (1)");
        assertThatThrownBy(() -> cluster.execute(
                        db, "CREATE UNIQUE INDEX CONCURRENTLY \"<b>idx</b>\" ON \"<script>alert(1)</script>\" (a)"))
                .isNotNull();
        // An empty repository: the backup-targets check finds no complete backup, a critical finding.
        Path repo = dir.resolve("repo");
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  repository: file://" + repo + "\n");
        Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load()
                .init();
        Insight insight = Insight.configure()
                .projectDir(dir)
                .env(Map.of())
                .connections(TestConnections.of(cluster, db))
                .load();

        HttpResponse<String> response = Fetch.page(overview(db, insight.doctor()), "/");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).doesNotContain("<script", "<b>idx");
        String principal = page.substring(page.indexOf("Principal constraint"), page.indexOf("<h2>Findings</h2>"));
        assertThat(principal).contains("badge critical", "holds no complete backup");
        String findings = page.substring(page.indexOf("<h2>Findings</h2>"));
        assertThat(findings)
                .contains("backup-targets", "invalid-indexes")
                .contains("&lt;b&gt;idx&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<caption>Evidence</caption>", "<th>definition</th>")
                .contains("Runbook: docs/runbooks/invalid-indexes.md")
                .contains("<pre><code>DROP INDEX CONCURRENTLY &lt;index&gt;;")
                .contains("Runbook: docs/runbooks/backup-targets.md");
        assertThat(findings.indexOf("backup-targets")).isLessThan(findings.indexOf("invalid-indexes"));
    }

    @Test
    void checksThatCouldNotRunAreShownAsNotRunNeverAsPassed(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        String role = "plain_" + ProcessHandle.current().pid();
        cluster.execute(db, "DO $$ BEGIN CREATE ROLE " + role + " LOGIN; EXCEPTION WHEN duplicate_object THEN END $$");
        Insight insight = Insight.configure()
                .projectDir(dir)
                .env(Map.of())
                .connections(TestConnections.as(cluster, db, role))
                .load();
        DoctorReport report = insight.doctor();
        assertThat(report.notRun())
                .as("a role without pg_read_all_stats cannot run every check")
                .isNotEmpty();

        String page = Fetch.page(overview(db, report), "/").body();

        assertThat(page).contains("<h2>Not run</h2>", "could not run: not an all clear");
        for (CheckResult r : report.notRun()) {
            assertThat(page)
                    .contains("<li class=\"not-run\">" + r.check() + ": not run</li>")
                    .doesNotContain("<li class=\"passed\">" + r.check() + ":")
                    .contains(Html.escape(r.reason()));
        }
    }

    @Test
    void beforeAnyDoctorReportWasKeptThePageSaysSoAndRunsNoDoctor() throws Exception {
        String db = cluster.createDatabase();

        String page = Fetch.page(page(db), "/").body();

        assertThat(page).contains("No doctor report yet").doesNotContain("class=\"error\"");
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel') IS NULL"))
                .as("no snapshot stored, no table created")
                .isEqualTo("t");
    }

    @Test
    void showsTheNewestKeptReportAndWhichAgentRecordedIt() throws Exception {
        String db = cluster.createDatabase();
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        KeptReports.keep(cluster, db, DoctorReport.of(List.of(), List.of("invalid-indexes")), at);

        String page = Fetch.page(page(db), "/").body();

        assertThat(page)
                .contains(Html.escape(Layout.when(at)), "recorded by agent test-agent")
                .contains("No findings: all 1 checks passed.");
    }

    /** The leader's doctor job kept {@code report}; the page reads it back. */
    private OverviewPage overview(String db, DoctorReport report) throws Exception {
        KeptReports.keep(cluster, db, report, Instant.now());
        return page(db);
    }

    private OverviewPage page(String db) {
        return new OverviewPage(
                new LatestDoctorReport(ReadOnlyConnections.of(TestConnections.of(cluster, db)), "keel"),
                new Runbooks(),
                Clock.systemUTC());
    }
}
