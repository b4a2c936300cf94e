package dev.keel.migrate.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class PendingMigrationsIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;

    PendingMigrationsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void migrated(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir)
                .migration("V1__orders.sql", "create table orders (id bigint primary key, total integer not null);");
        keel().migrate();
    }

    private Keel keel() {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .load();
    }

    /** The check as the doctor builds it: from the project's keel.yaml. */
    private DoctorCheck check() {
        KeelYaml config = ConfigLoader.load(project.dir(), null, Map.of());
        return new MigrateDoctorChecks()
                .checks(config, Map.of()).stream()
                        .filter(c -> c.id().equals(PendingMigrations.ID))
                        .findFirst()
                        .orElseThrow();
    }

    /** Runs the check alone, as the doctor does: on one autocommit connection. */
    private List<DoctorFinding> findings() {
        DoctorCheck check = check();
        try (Connection c = cluster.connect(db)) {
            return check.run(new DoctorContext(c, serverVersion(c), "keel"));
        } catch (SQLException e) {
            throw new AssertionError("running pending-migrations failed: " + e.getMessage(), e);
        }
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void silentWhenTheDatabaseIsUpToDate() {
        assertThat(findings()).isEmpty();
    }

    @Test
    void pendingMigrationsWithoutFindingsAreInfo() {
        project.migration("V2__note.sql", "alter table orders add column note text;");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.INFO);
            assertThat(f.summary()).contains("1 migration is pending").contains("V2__note.sql");
            assertThat(f.evidence()).containsEntry("pending", 1).containsEntry("errorFindings", 0);
        });
    }

    @Test
    void aPendingMigrationThatWouldLockTheTableIsAWarning() {
        project.migration("V2__positive.sql", "alter table orders add constraint positive check (total >= 0);");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.summary()).contains("constraint-missing-not-valid").contains("V2__positive.sql:1");
            assertThat(f.impact()).contains("validates every row");
        });
    }

    @Test
    void aFindingWaivedInKeelYamlBlocksNothing() {
        project.migration("V2__positive.sql", "alter table orders add constraint positive check (total >= 0);")
                .config("""
                        check:
                          waivers:
                            V2__positive.sql:
                              constraint-missing-not-valid: orders holds ten rows
                        """);

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.INFO);
            assertThat(f.evidence()).containsEntry("errorFindings", 0).containsEntry("waivedFindings", 1);
        });
    }

    @Test
    void aRuleExcludedInKeelYamlDoesNotRun() {
        project.migration("V2__positive.sql", "alter table orders add constraint positive check (total >= 0);")
                .config("""
                        check:
                          exclude: [constraint-missing-not-valid]
                        """);

        assertThat(findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(DoctorSeverity.INFO));
    }

    @Test
    void pendingFilesUpToStartAfterAreNotChecked() {
        project.migration("V2__positive.sql", "alter table orders add constraint positive check (total >= 0);")
                .migration("V3__note.sql", "alter table orders add column note text;")
                .config("check:\n  startAfter: 2\n");

        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.INFO);
            assertThat(f.evidence()).containsEntry("pending", 2).containsEntry("errorFindings", 0);
        });
    }

    @Test
    void anUnknownRuleInKeelYamlIsRefusedAsInCheck() {
        project.migration("V2__note.sql", "alter table orders add column note text;")
                .config("check:\n  exclude: [droping-table]\n");

        assertThatThrownBy(this::findings).hasMessageContaining("did you mean 'dropping-table'");
    }

    @Test
    void aFailedMigrationIsCritical() {
        project.migration(
                "V2__broken.sql",
                "create index concurrently orders_total on orders (total);\ncreate index concurrently orders_nope on orders (nope);");
        assertThatThrownBy(() -> keel().migrate()).hasMessageContaining("nope");

        assertThat(findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
            assertThat(f.summary()).contains("failed part-way").contains("V2__broken.sql");
        });
    }
}
