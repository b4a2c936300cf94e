package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

@WithPostgres
class InvalidIndexesIT {
    private final TestCluster cluster;

    InvalidIndexesIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aFailedConcurrentUniqueIndexBuildLeavesAnInvalidIndexThatFires() {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'same@example.org' FROM generate_series(1, 100) g");
        cluster.execute(db, "CREATE INDEX CONCURRENTLY users_id_email ON users (id, email)");
        assertThat(DoctorRuns.run(cluster, db, new InvalidIndexes()).findings()).isEmpty();

        assertThatThrownBy(() -> cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)"))
                .hasMessageContaining("could not create unique index");
        var report = DoctorRuns.run(cluster, db, new InvalidIndexes());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence())
                    .containsEntry("index", "public.users_email")
                    .containsEntry("unique", true)
                    .containsEntry("table", "users");
            assertThat(f.summary()).contains("INVALID");
            assertThat(f.impact()).contains("removing the duplicates");
        });
    }
}
