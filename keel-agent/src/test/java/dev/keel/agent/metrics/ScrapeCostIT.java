package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.UpkeepProject;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scrape costs the database, counted by the database itself (pg_stat_statements, for the scrape's own role):
 * the same fixed number of statements with 200 more tables as without them, because no query runs per table; and
 * where keel keeps projections and partition sets, the same with 100 more of each.
 */
@WithPostgres
class ScrapeCostIT {
    static final String ROLE = "metrics_probe";
    /** Roles belong to the cluster, which the tests of this class share: the second test has its own. */
    static final String REGISTRIES_ROLE = "metrics_probe_registries";

    static final int SCRAPES = 3;
    /**
     * server state, pg_stat_database, pg_stat_activity, pg_replication_slots, the standbys (with keel's replicas); the
     * change query joins them only where keel has change tables, and database sizes and the migration backlog are read
     * once a minute, not per scrape.
     */
    static final long STATEMENTS_PER_SCRAPE = 5;
    /**
     * Where keel keeps projections and partition sets: one statement for each registry, and the change query (keel's
     * change tables exist wherever a change ran).
     */
    static final long STATEMENTS_PER_SCRAPE_WITH_REGISTRIES = STATEMENTS_PER_SCRAPE + 3;

    @TempDir
    Path dir;

    @Test
    void aScrapeRunsTheSameFewStatementsWhateverTheNumberOfTables(TestCluster cluster) {
        String database = cluster.createDatabase();
        cluster.execute(database, "create extension if not exists pg_stat_statements");
        // An unprivileged monitoring role, as a team would give the agent; its statements are the scrape's alone.
        cluster.execute("postgres", "create role " + ROLE + " login in role pg_monitor");
        Path project = MetricsFixture.project(dir.resolve("project"), "");
        try (MetricsFixture fixture =
                MetricsFixture.bind(cluster.port(), database, ROLE, project, MetricsFixture.stillClock())) {
            // The first scrape opens the session and reads what is cached; the ones counted after it are steady.
            ScrapeText first = fixture.scrape();
            assertThat(first.value("pg_up")).hasValue(1);
            assertThat(first.named("keel_scrape_query_success"))
                    .allSatisfy(series -> assertThat(first.value(series)).hasValue(1));

            long fewTables = statementsOf(cluster, database, fixture, ROLE);
            for (int i = 0; i < 200; i++) {
                cluster.execute(database, "create table t" + i + " (id bigint primary key, note text)");
            }
            long manyTables = statementsOf(cluster, database, fixture, ROLE);

            assertThat(manyTables).isEqualTo(fewTables);
            assertThat(fewTables).isEqualTo(STATEMENTS_PER_SCRAPE * SCRAPES);
        }
    }

    @Test
    void projectionsAndPartitionsAddOneStatementEachWhateverTheirNumber(TestCluster cluster) throws Exception {
        Path project = dir.resolve("project");
        String database = UpkeepProject.create(cluster, project);
        cluster.execute(database, "create extension if not exists pg_stat_statements");
        cluster.execute("postgres", "create role " + REGISTRIES_ROLE + " login in role pg_monitor");
        // pg_monitor reads the statistics; keel's registries need a grant of their own.
        cluster.execute(
                database,
                "grant usage on schema keel to " + REGISTRIES_ROLE + "; grant select on all tables in schema keel to "
                        + REGISTRIES_ROLE);
        try (MetricsFixture fixture =
                MetricsFixture.bind(cluster.port(), database, REGISTRIES_ROLE, project, MetricsFixture.stillClock())) {
            ScrapeText first = fixture.scrape();
            assertThat(first.named("keel_scrape_query_success"))
                    .contains("keel_scrape_query_success{query=\"projections\"}")
                    .allSatisfy(series -> assertThat(first.value(series)).hasValue(1));

            long few = statementsOf(cluster, database, fixture, REGISTRIES_ROLE);
            // 100 more partitions of the set and 100 more registered projections.
            for (int year = 2100; year < 2200; year++) {
                cluster.execute(
                        database,
                        "create table events_y" + year + " partition of events for values from ('" + year
                                + "-01-01 00:00+00') to ('" + year + "-02-01 00:00+00')");
            }
            cluster.execute(
                    database,
                    "insert into keel.projections (schema_name, name, kind, definition, state) select 'public',"
                            + " 'view_' || i, 'materialized_view', '{\"refreshSeconds\": 60}', 'ready'"
                            + " from generate_series(1, 100) i");
            long many = statementsOf(cluster, database, fixture, REGISTRIES_ROLE);

            assertThat(fixture.scrape().value("keel_partitions{set=\"public.events\"}"))
                    .hasValue(UpkeepProject.PREMAKE + 101);
            assertThat(many).isEqualTo(few);
            assertThat(few).isEqualTo(STATEMENTS_PER_SCRAPE_WITH_REGISTRIES * SCRAPES);
        }
    }

    /** Statements the scrape role ran over {@link #SCRAPES} scrapes. */
    static long statementsOf(TestCluster cluster, String database, MetricsFixture fixture, String role) {
        cluster.execute(database, "select pg_stat_statements_reset()");
        for (int i = 0; i < SCRAPES; i++) {
            assertThat(fixture.scrape().value("pg_up")).hasValue(1);
        }
        return Long.parseLong(cluster.queryString(
                database,
                "select coalesce(sum(calls), 0) from pg_stat_statements where userid = '" + role + "'::regrole"));
    }
}
