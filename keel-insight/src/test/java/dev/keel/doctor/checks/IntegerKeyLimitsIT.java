package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

@WithPostgres
class IntegerKeyLimitsIT {
    private final TestCluster cluster;

    IntegerKeyLimitsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aSerialNearItsLimitAndAnIntColumnFedByABigintSequenceFire() {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE orders (id serial PRIMARY KEY, note text)");
        cluster.execute(db, "SELECT setval('orders_id_seq', 1900000000)");
        cluster.execute(db, "INSERT INTO orders (note) VALUES ('x')");
        // The sequence is bigint and could go on, but the int column stops at 2^31 - 1.
        cluster.execute(db, "CREATE TABLE events (id int NOT NULL PRIMARY KEY)");
        cluster.execute(db, "CREATE SEQUENCE events_id_seq AS bigint OWNED BY events.id");
        cluster.execute(db, "ALTER TABLE events ALTER COLUMN id SET DEFAULT nextval('events_id_seq')");
        cluster.execute(db, "SELECT setval('events_id_seq', 2100000000)");
        cluster.execute(db, "CREATE TABLE fine (id bigserial PRIMARY KEY)");
        cluster.execute(db, "INSERT INTO fine DEFAULT VALUES");

        var report = DoctorRuns.run(cluster, db, new IntegerKeyLimits());

        assertThat(report.findings()).hasSize(2);
        assertThat(report.findings().get(0)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
            assertThat(f.evidence())
                    .containsEntry("table", "events")
                    .containsEntry("limit", 2147483647L)
                    .containsEntry("sequenceType", "bigint");
            assertThat(f.impact()).contains("integer out of range");
        });
        assertThat(report.findings().get(1)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence())
                    .containsEntry("sequence", "public.orders_id_seq")
                    .containsEntry("lastValue", 1900000001L);
            assertThat(f.summary()).contains("orders.id (integer");
        });
    }
}
