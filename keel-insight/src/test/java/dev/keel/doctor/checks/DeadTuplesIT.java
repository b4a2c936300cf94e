package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With the default thresholds: 20 000 rows, all updated once, autovacuum off for the table. */
@WithPostgres
class DeadTuplesIT {
    private final TestCluster cluster;

    DeadTuplesIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aMassUpdateWithoutVacuumFiresAndAVacuumSilencesIt() {
        String db = cluster.createDatabase();
        cluster.execute(
                db, "CREATE TABLE events (id bigint PRIMARY KEY, state text) WITH (autovacuum_enabled = false)");
        cluster.execute(db, "INSERT INTO events SELECT g, 'new' FROM generate_series(1, 20000) g");
        cluster.execute(db, "UPDATE events SET state = 'done'");

        var report =
                DoctorRuns.until(r -> !r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, new DeadTuples());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence())
                    .containsEntry("table", "public.events")
                    .containsEntry("deadRows", 20000L)
                    .containsEntry("autovacuumEnabled", false);
            assertThat(f.summary()).contains("never vacuumed").contains("autovacuum off");
        });

        cluster.execute(db, "VACUUM events");
        assertThat(DoctorRuns.until(r -> r.findings().isEmpty(), Duration.ofSeconds(10), cluster, db, new DeadTuples())
                        .findings())
                .isEmpty();
    }
}
