package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateOptions;
import dev.keel.projection.Projections;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class RefreshProjectionsJobIT {

    @Test
    void withoutProjectionsItDoesNothingAndCreatesNothing(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        JobResult result = new RefreshProjectionsJob(new Projections(db.source(), "keel")).run();

        assertThat(result.figures()).containsEntry("refreshed", 0L);
        assertThat(db.count("select count(*) from pg_class where relname = 'projections'"))
                .isZero();
    }

    @Test
    void refreshesASummaryOnlyOnceItsIntervalHasPassed(TestCluster cluster, @TempDir Path dir) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                migrations.resolve("V1__events.sql"),
                "create table events (id bigint primary key, at timestamptz not null);"
                        + " insert into events select i, now() - i * interval '1 hour' from generate_series(1, 100) i;");
        Files.writeString(
                migrations.resolve("V2__summary.yaml"),
                "operations:\n  - create_summary: {name: hourly, query: \"SELECT date_trunc('hour', at) AS hour,"
                        + " count(*) AS n FROM events GROUP BY hour\", incremental_by: at, refresh: 1min}\n");
        Keel.configure()
                .url(db.url(), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .load()
                .migrate(MigrateOptions.defaults().completing());
        db.execute("insert into events values (101, now())");
        RefreshProjectionsJob job = new RefreshProjectionsJob(new Projections(db.source(), "keel"));

        assertThat(job.run().figures()).as("refreshed at start, not due yet").containsEntry("refreshed", 0L);
        assertThat(db.count("select sum(n) from hourly")).isEqualTo(100);

        db.execute("update keel.projections set last_refreshed = now() - interval '2 minutes'");
        assertThat(job.run().figures()).containsEntry("refreshed", 1L);
        assertThat(db.count("select sum(n) from hourly")).isEqualTo(101);
    }
}
