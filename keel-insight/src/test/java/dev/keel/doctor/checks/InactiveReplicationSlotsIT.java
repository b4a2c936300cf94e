package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/** Test clusters run with wal_level replica, so a physical slot can reserve WAL at once. */
@WithPostgres
class InactiveReplicationSlotsIT {
    private final TestCluster cluster;

    InactiveReplicationSlotsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aForgottenSlotFiresAndIsCriticalOnceItRetainsMoreThanTheLimit() {
        String db = cluster.createDatabase();
        assertThat(DoctorRuns.run(cluster, db, new InactiveReplicationSlots()).findings())
                .isEmpty();
        cluster.execute(db, "SELECT pg_create_physical_replication_slot('forgotten_standby', true)");
        try {
            cluster.execute(
                    db,
                    "CREATE TABLE filler AS SELECT g, repeat('x', 100) AS payload FROM generate_series(1, 20000) g");

            var report = DoctorRuns.run(cluster, db, new InactiveReplicationSlots());
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                assertThat(f.evidence())
                        .containsEntry("slot", "forgotten_standby")
                        .containsEntry("type", "physical");
                assertThat((Long) f.evidence().get("retainedBytes")).isGreaterThan(1L << 20);
            });
            // With the limit lowered to 1 MB the same slot is critical.
            assertThat(DoctorRuns.run(cluster, db, new InactiveReplicationSlots(1L << 20))
                            .principal()
                            .severity())
                    .isEqualTo(DoctorSeverity.CRITICAL);
        } finally {
            cluster.execute(db, "SELECT pg_drop_replication_slot('forgotten_standby')");
        }
    }
}
