package dev.keel.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner: every standard check runs, a healthy cluster gives nothing to act on, and a failing check never hides the others. */
@WithPostgres
class DoctorIT {
    private final TestCluster cluster;

    DoctorIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aHealthyClusterHasNoWarningOrCriticalFinding() {
        String db = cluster.createDatabase();
        cluster.execute(
                db, "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
        cluster.execute(db, "INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 1000) g");
        cluster.execute(db, "ANALYZE accounts");

        DoctorReport report =
                DoctorRuns.run(cluster, db, Doctor.standard("keel").checks().toArray(DoctorCheck[]::new));

        assertThat(report.of(DoctorSeverity.CRITICAL)).isEmpty();
        assertThat(report.of(DoctorSeverity.WARNING)).isEmpty();
        assertThat(report.notRun()).isEmpty();
        assertThat(report.results())
                .hasSize(17)
                .allSatisfy(r -> assertThat(r.ran()).isTrue());
        assertThat(report.visibility().seesAll()).isTrue();
        assertThat(report.visibility().notice()).isNull();
        assertThat(report.checks()).hasSize(17).contains("blocking-chains", "wraparound-age", "slowest-statements");
    }

    @Test
    void aCheckThatFailsIsReportedNotRunAndTheOthersStillRun() {
        String db = cluster.createDatabase();
        DoctorCheck broken = new DoctorCheck() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<DoctorFinding> run(DoctorContext context) throws SQLException {
                context.connection().createStatement().execute("SELECT * FROM no_such_view");
                return List.of();
            }
        };
        DoctorCheck fires = new DoctorCheck() {
            @Override
            public String id() {
                return "fires";
            }

            @Override
            public List<DoctorFinding> run(DoctorContext context) {
                return List.of(finding(DoctorSeverity.WARNING, 0.5, "something", Map.of("n", 1), "it matters"));
            }
        };

        DoctorReport report = DoctorRuns.run(cluster, db, broken, fires);

        assertThat(report.byCheck("broken")).isEmpty();
        assertThat(report.result("broken")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckResult.Status.NOT_RUN);
            assertThat(r.reason()).contains("no_such_view").contains("SQLSTATE 42P01");
        });
        assertThat(report.healthy()).isFalse();
        assertThat(report.result("fires").status()).isEqualTo(CheckResult.Status.FOUND);
        assertThat(report.principal().check()).isEqualTo("fires");
        assertThat(report.principal().runbook()).isEqualTo("docs/runbooks/fires.md");
    }

    @Test
    void theStatementTimeoutStopsACheckThatHangs() {
        String db = cluster.createDatabase();
        DoctorCheck slow = new DoctorCheck() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public List<DoctorFinding> run(DoctorContext context) throws SQLException {
                context.connection().createStatement().execute("SELECT pg_sleep(30)");
                return List.of();
            }
        };

        try (var c = cluster.connect(db)) {
            DoctorReport report = Doctor.of("keel", slow)
                    .withStatementTimeout(Duration.ofMillis(300))
                    .run(c);

            // 57014 is query_canceled: the server cut the 30 s sleep off at the timeout (no wall-clock threshold
            // needed).
            assertThat(report.result("slow").reason()).contains("SQLSTATE 57014");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Regression: without pg_read_all_stats the doctor saw only its own sessions and said "all clear". */
    @Test
    void aRoleWithoutPgReadAllStatsGetsTheChecksThatNeedItReportedNotRunWithTheGrant() throws Exception {
        String db = cluster.createDatabase();
        String role = "watcher_" + db;
        cluster.execute(db, "CREATE ROLE " + role + " LOGIN");
        List<String> needAllStatistics = List.of(
                "blocking-chains",
                "long-transactions",
                "connection-saturation",
                "slowest-statements",
                "replication-lag",
                "table-growth");

        DoctorReport limited;
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db).replace("user=postgres", "user=" + role))) {
            limited = Doctor.standard("keel").run(c);
        }

        assertThat(limited.visibility().seesAll()).isFalse();
        assertThat(limited.visibility().notice())
                .contains("GRANT pg_read_all_stats TO " + role + ";")
                .contains("only its own sessions");
        assertThat(limited.notRun()).extracting(CheckResult::check).containsAll(needAllStatistics);
        assertThat(limited.notRun())
                .filteredOn(r -> needAllStatistics.contains(r.check()))
                .allSatisfy(r -> {
                    assertThat(r.status().label()).isEqualTo("not-run");
                    assertThat(r.fix()).isEqualTo("GRANT pg_read_all_stats TO " + role + ";");
                    assertThat(r.reason()).contains("role " + role + " sees only its own there");
                });
        assertThat(limited.result("wraparound-age").ran())
                .as("a check that needs no such grant still runs")
                .isTrue();
        assertThat(limited.healthy()).isFalse();

        cluster.execute(db, "GRANT pg_read_all_stats TO " + role);
        DoctorReport full;
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db).replace("user=postgres", "user=" + role))) {
            full = Doctor.of(
                            "keel",
                            Doctor.standard("keel").checks().stream()
                                    .filter(k -> !k.id().equals("slowest-statements"))
                                    .toArray(DoctorCheck[]::new))
                    .run(c);
        }
        assertThat(full.visibility().seesAll()).isTrue();
        assertThat(full.notRun()).as("with the grant every check runs").isEmpty();
    }
}
