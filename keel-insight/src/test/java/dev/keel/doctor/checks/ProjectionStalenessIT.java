package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/** keel.projections as keel-migrate creates it, with rows a refresh job would have left behind. */
@WithPostgres
class ProjectionStalenessIT {
    private final TestCluster cluster;

    ProjectionStalenessIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aProjectionPastTwiceItsIntervalIsAWarningAndTwentyTimesCritical() {
        String db = cluster.createDatabase();
        assertThat(DoctorRuns.run(cluster, db, new ProjectionStaleness()).findings())
                .as("no registry yet")
                .isEmpty();
        cluster.execute(db, "CREATE SCHEMA keel");
        cluster.execute(
                db,
                "CREATE TABLE keel.projections (schema_name text NOT NULL, name text NOT NULL, kind text NOT NULL,"
                        + " definition jsonb NOT NULL, state text NOT NULL, created_by text, created_on timestamptz NOT"
                        + " NULL DEFAULT now(), updated_on timestamptz NOT NULL DEFAULT now(), last_compacted"
                        + " timestamptz, last_verified timestamptz, last_refreshed timestamptz, PRIMARY KEY"
                        + " (schema_name, name))");
        cluster.execute(
                db,
                "INSERT INTO keel.projections (schema_name, name, kind, definition, state, created_on, last_refreshed)"
                        + " VALUES ('public', 'fresh', 'summary', '{\"refreshSeconds\": 60}', 'ready',"
                        + " now() - interval '1 day', now() - interval '70 seconds'),"
                        + " ('public', 'late', 'summary', '{\"refreshSeconds\": 60}', 'ready', now() - interval '1 day',"
                        + " now() - interval '10 minutes'),"
                        + " ('public', 'never', 'materialized_view', '{\"refreshSeconds\": 60}', 'ready',"
                        + " now() - interval '30 minutes', NULL),"
                        + " ('public', 'counted', 'counter', '{}', 'ready', now() - interval '1 day', NULL)");

        var report = DoctorRuns.run(cluster, db, new ProjectionStaleness());

        assertThat(report.findings()).hasSize(2);
        assertThat(report.principal()).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
            assertThat(f.evidence()).containsEntry("projection", "public.never").containsEntry("lastRefreshed", null);
            assertThat(f.summary()).contains("materialized view public.never has never been refreshed");
        });
        assertThat(report.of(DoctorSeverity.WARNING)).singleElement().satisfies(f -> {
            assertThat(f.evidence()).containsEntry("projection", "public.late").containsEntry("refreshSeconds", 60L);
            assertThat(f.summary()).contains("was last refreshed 10min ago");
        });
    }
}
