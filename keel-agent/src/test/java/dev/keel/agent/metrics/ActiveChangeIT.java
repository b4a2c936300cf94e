package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real zero-downtime change, started by migrate and completed, as the scrape sees it in between and after. */
@WithPostgres
class ActiveChangeIT {
    @TempDir
    Path dir;

    @Test
    void theChangeInFlightAndItsBackfillAreScrapedUntilItCompletes(TestCluster cluster) throws Exception {
        String database = cluster.createDatabase();
        Path project = MetricsFixture.project(dir.resolve("project"), "");
        Path migrations = Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(
                migrations.resolve("V1__accounts.sql"),
                "create table accounts (id int primary key, balance int not null);"
                        + " insert into accounts select i, i from generate_series(1, 300) i;");
        Files.writeString(
                migrations.resolve("V2__bigint_balance.yaml"),
                "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint,"
                        + " up: \"balance::bigint\", down: \"balance::int\"}\n");
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(database), TestCluster.SUPERUSER, null)
                .projectDir(project)
                .load();
        assertThat(keel.migrate().activeChange()).isEqualTo("2");

        try (MetricsFixture fixture = MetricsFixture.bind(
                cluster.port(), database, TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
            ScrapeText active = fixture.scrape();

            assertThat(active.value("keel_change_active")).hasValue(1);
            assertThat(active.value("keel_change_phase{phase=\"active\",version=\"2\"}"))
                    .hasValue(1);
            assertThat(active.value("keel_change_backfill_rows_done{version=\"2\"}"))
                    .hasValue(300);
            assertThat(active.value("keel_change_backfill_tables{version=\"2\"}"))
                    .hasValue(1);
            assertThat(active.value("keel_change_backfill_tables_done{version=\"2\"}"))
                    .hasValue(1);
            assertThat(active.number("keel_change_started_timestamp_seconds{version=\"2\"}"))
                    .isPositive();
            assertThat(active.value("keel_migrations_pending")).hasValue(0);

            keel.complete();
            ScrapeText completed = fixture.scrape();

            assertThat(completed.value("keel_change_active")).hasValue(0);
            assertThat(completed.named("keel_change_phase")).isEmpty();
        }
    }
}
