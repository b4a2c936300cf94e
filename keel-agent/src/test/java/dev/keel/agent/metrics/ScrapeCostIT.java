package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scrape costs the database, counted by the database itself (pg_stat_statements, for the scrape's own role):
 * the same fixed number of statements with 200 more tables as without them, because no query runs per table.
 */
@WithPostgres
class ScrapeCostIT {
    static final String ROLE = "metrics_probe";
    static final int SCRAPES = 3;
    /**
     * server state, pg_stat_database, pg_stat_activity, pg_replication_slots; the change query joins them only where
     * keel has change tables, and database sizes and the migration backlog are read once a minute, not per scrape.
     */
    static final long STATEMENTS_PER_SCRAPE = 4;

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

            long fewTables = statementsOf(cluster, database, fixture);
            for (int i = 0; i < 200; i++) {
                cluster.execute(database, "create table t" + i + " (id bigint primary key, note text)");
            }
            long manyTables = statementsOf(cluster, database, fixture);

            assertThat(manyTables).isEqualTo(fewTables);
            assertThat(fewTables).isEqualTo(STATEMENTS_PER_SCRAPE * SCRAPES);
        }
    }

    /** Statements the scrape role ran over {@link #SCRAPES} scrapes. */
    static long statementsOf(TestCluster cluster, String database, MetricsFixture fixture) {
        cluster.execute(database, "select pg_stat_statements_reset()");
        for (int i = 0; i < SCRAPES; i++) {
            assertThat(fixture.scrape().value("pg_up")).hasValue(1);
        }
        return Long.parseLong(cluster.queryString(
                database,
                "select coalesce(sum(calls), 0) from pg_stat_statements where userid = '" + ROLE + "'::regrole"));
    }
}
