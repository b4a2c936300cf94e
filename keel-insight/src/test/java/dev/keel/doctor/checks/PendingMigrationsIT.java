package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.Severity;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
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
        project = TestProject.in(dir).migration("V1__orders.sql", "create table orders (id bigint primary key, total integer not null);");
        keel().migrate();
    }

    private Keel keel() {
        return Keel.configure().url(cluster.jdbcUrl(db), null, null).projectDir(project.dir()).load();
    }

    private PendingMigrations check() {
        return new PendingMigrations(keel().settings());
    }

    @Test
    void silentWhenTheDatabaseIsUpToDate() {
        assertThat(DoctorRuns.run(cluster, db, check()).findings()).isEmpty();
    }

    @Test
    void pendingMigrationsWithoutFindingsAreInfo() {
        project.migration("V2__note.sql", "alter table orders add column note text;");

        assertThat(DoctorRuns.run(cluster, db, check()).findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.summary()).contains("1 migration is pending").contains("V2__note.sql");
            assertThat(f.evidence()).containsEntry("pending", 1).containsEntry("errorFindings", 0);
        });
    }

    @Test
    void aPendingMigrationThatWouldLockTheTableIsAWarning() {
        project.migration("V2__positive.sql", "alter table orders add constraint positive check (total >= 0);");

        assertThat(DoctorRuns.run(cluster, db, check()).findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).contains("constraint-missing-not-valid").contains("V2__positive.sql:1");
            assertThat(f.impact()).contains("validates every row");
        });
    }

    @Test
    void aFailedMigrationIsCritical() {
        project.migration("V2__broken.sql", "create index concurrently orders_total on orders (total);\ncreate index concurrently orders_nope on orders (nope);");
        assertThatThrownBy(() -> keel().migrate()).hasMessageContaining("nope");

        assertThat(DoctorRuns.run(cluster, db, check()).findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).contains("failed part-way").contains("V2__broken.sql");
        });
    }
}
