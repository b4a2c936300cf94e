package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/** The minimum waste is lowered to 1 MB: the default 100 MB would take an index too big for a quick test. */
@WithPostgres
class IndexBloatIT {
    private static final IndexBloat SMALL = new IndexBloat(1L << 20, 0.5);
    private final TestCluster cluster;

    IndexBloatIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void freshIndexesOfEveryShapeAreSilent() {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz, note text);
                INSERT INTO events SELECT g, 'kind ' || g % 50, now() - g * interval '1 second', CASE WHEN g % 3 = 0 THEN NULL ELSE md5(g::text) END
                FROM generate_series(1, 200000) g;
                CREATE INDEX events_kind_at ON events (kind, at);
                CREATE INDEX events_note ON events (note);
                CREATE INDEX events_at_desc ON events (at DESC);
                """);
        cluster.execute(db, "VACUUM ANALYZE events");

        assertThat(DoctorRuns.run(cluster, db, SMALL).findings()).isEmpty();
    }

    @Test
    void anIndexThatKeptItsPagesAfterAMassDeleteIsMostlyEmptySpace() {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE items (id bigint PRIMARY KEY, code text NOT NULL) WITH (autovacuum_enabled = false);
                INSERT INTO items SELECT g, 'code-' || g FROM generate_series(1, 200000) g;
                CREATE INDEX items_code ON items (code);
                """);
        cluster.execute(db, "VACUUM ANALYZE items");
        assertThat(DoctorRuns.run(cluster, db, SMALL).findings()).isEmpty();

        // Nine rows in ten go: every leaf page keeps a tenth of its entries, so vacuum can free none of them.
        cluster.execute(db, "DELETE FROM items WHERE id % 10 <> 0");
        cluster.execute(db, "VACUUM ANALYZE items");

        var report = DoctorRuns.run(cluster, db, SMALL);

        assertThat(report.findings())
                .extracting(f -> f.evidence().get("index"))
                .containsExactlyInAnyOrder("public.items_pkey", "public.items_code");
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat((Double) f.evidence().get("wastedShare")).isBetween(0.8, 0.95);
            assertThat(f.summary()).contains("bloat");
            assertThat(f.runbook()).isEqualTo("docs/runbooks/index-bloat.md");
        });
        assertThat(DoctorRuns.run(cluster, db, new IndexBloat()).findings())
                .as("under the default 100 MB")
                .isEmpty();

        cluster.execute(db, "REINDEX TABLE items");
        cluster.execute(db, "ANALYZE items");
        assertThat(DoctorRuns.run(cluster, db, SMALL).findings())
                .as("after the rebuild the runbook prescribes")
                .isEmpty();
    }
}
