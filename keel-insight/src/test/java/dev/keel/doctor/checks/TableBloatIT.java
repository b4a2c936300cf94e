package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/** The minimum waste is lowered to 1 MB: the default 100 MB would take a table too big for a quick test. */
@WithPostgres
class TableBloatIT {
    private static final TableBloat SMALL = new TableBloat(1L << 20, 0.5);
    private final TestCluster cluster;

    TableBloatIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aTableRewrittenTwiceByUpdatesIsMostlyEmptySpace() {
        String db = cluster.createDatabase();
        cluster.execute(
                db, "CREATE TABLE items (id bigint PRIMARY KEY, payload text) WITH (autovacuum_enabled = false)");
        cluster.execute(db, "INSERT INTO items SELECT g, repeat('x', 100) FROM generate_series(1, 50000) g");
        cluster.execute(db, "CREATE TABLE compact (id bigint PRIMARY KEY, payload text)");
        cluster.execute(db, "INSERT INTO compact SELECT g, repeat('y', 100) FROM generate_series(1, 50000) g");
        cluster.execute(db, "ANALYZE");
        assertThat(DoctorRuns.run(cluster, db, SMALL).findings()).isEmpty();

        cluster.execute(db, "UPDATE items SET payload = repeat('z', 100)");
        cluster.execute(db, "UPDATE items SET payload = repeat('w', 100)");
        // Vacuum frees the old versions but keeps the pages: the table stays three times its rows' size.
        cluster.execute(db, "VACUUM ANALYZE items");

        var report = DoctorRuns.run(cluster, db, SMALL);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence()).containsEntry("table", "public.items");
            assertThat((Double) f.evidence().get("wastedShare")).isBetween(0.55, 0.8);
            assertThat(f.summary()).contains("bloat");
        });
        assertThat(DoctorRuns.run(cluster, db, new TableBloat()).findings())
                .as("under the default 100 MB")
                .isEmpty();
    }
}
