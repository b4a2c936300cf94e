package dev.keel.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.util.List;
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
        cluster.execute(db, "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
        cluster.execute(db, "INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 1000) g");
        cluster.execute(db, "ANALYZE accounts");

        DoctorReport report = DoctorRuns.run(cluster, db, Doctor.standard("keel").checks().toArray(DoctorCheck[]::new));

        assertThat(report.of(Severity.CRITICAL)).isEmpty();
        assertThat(report.of(Severity.WARNING)).isEmpty();
        assertThat(report.findings()).noneMatch(f -> f.summary().contains("could not run"));
        assertThat(report.checks()).hasSize(15).contains("blocking-chains", "wraparound-age", "slowest-statements");
    }

    @Test
    void aCheckThatFailsBecomesAnInfoFindingAndTheOthersStillRun() {
        String db = cluster.createDatabase();
        DoctorCheck broken = new DoctorCheck() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<DoctorFinding> run(DoctorContext context) throws java.sql.SQLException {
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
                return List.of(finding(Severity.WARNING, 0.5, "something", java.util.Map.of("n", 1), "it matters"));
            }
        };

        DoctorReport report = DoctorRuns.run(cluster, db, broken, fires);

        assertThat(report.byCheck("broken")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.summary()).startsWith("check broken could not run: ").contains("no_such_view");
            assertThat(f.evidence()).containsEntry("sqlstate", "42P01");
        });
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
            public List<DoctorFinding> run(DoctorContext context) throws java.sql.SQLException {
                context.connection().createStatement().execute("SELECT pg_sleep(30)");
                return List.of();
            }
        };

        try (var c = cluster.connect(db)) {
            DoctorReport report = Doctor.of("keel", slow).withStatementTimeout(java.time.Duration.ofMillis(300)).run(c);

            // 57014 is query_canceled: the server cut the 30 s sleep off at the timeout (no wall-clock threshold needed).
            assertThat(report.byCheck("slow")).singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("sqlstate", "57014"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
