package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.upkeep.UpkeepProject;
import dev.keel.config.ConfigLoader;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrationSettings;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema page on migrations applied by the Keel facade: history, the active change's backfill, pending ones. */
@WithPostgres
class SchemaPageIT {
    private final TestCluster cluster;

    SchemaPageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void showsTheActiveChangeWithItsBackfillThePendingMigrationsAndTheHistory(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir)
                .migration(
                        "V1__accounts.sql",
                        "create table accounts (id int primary key, balance int not null);"
                                + " insert into accounts select i, i from generate_series(1, 300) i;")
                .migration(
                        "V2__bigint_balance.yaml",
                        "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint,"
                                + " up: \"balance::bigint * 10\", down: \"(balance / 10)::int\"}\n");
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .env(Map.of())
                .load();
        assertThat(keel.migrate().activeChange()).isEqualTo("2");
        project.migration("V3__ledger.sql", "create table ledger (id bigint primary key);");

        String page = Fetch.page(
                        new SchemaPage(TestConnections.of(cluster, db), keel::settings, Clock.systemUTC()), "/schema")
                .body();

        String change =
                page.substring(page.indexOf("<h2>Active change</h2>"), page.indexOf("<h2>Pending migrations</h2>"));
        assertThat(change)
                .contains("V2 (<code>V2__bigint_balance.yaml</code>)")
                .contains("<table class=\"backfill\">", "accounts", "<td>300</td>");
        String pending = page.substring(page.indexOf("<h2>Pending migrations</h2>"), page.indexOf("<h2>History</h2>"));
        assertThat(pending).contains("<td>3</td><td>ledger</td>", "<td>pending</td>");
        String history = page.substring(page.indexOf("<h2>History</h2>"));
        assertThat(history).contains("<td>1</td><td>accounts</td>").doesNotContain("ledger");
        assertThat(history.indexOf("bigint balance")).isLessThan(history.indexOf("<td>accounts</td>"));
    }

    @Test
    void showsEachProjectionWithItsStalenessAndEachPartitionSetWithItsPartitions(@TempDir Path dir) throws Exception {
        String db = UpkeepProject.create(cluster, dir);
        // Twelve intervals late: past the doctor's warning (2), short of critical (20).
        cluster.execute(
                db,
                "update keel.projections set last_refreshed = now() - interval '1 hour' where name = 'daily_orders'");
        cluster.execute(db, "update keel.projections set last_verified = now() where name = 'orders_per_user'");
        MigrationSettings settings = MigrationSettings.from(ConfigLoader.load(dir, null, Map.of()));

        String page = Fetch.page(
                        new SchemaPage(
                                ReadOnlyConnections.of(TestConnections.of(cluster, db)),
                                () -> settings,
                                Clock.systemUTC()),
                        "/schema")
                .body();

        assertThat(page).doesNotContain("class=\"error\"");
        String projections =
                page.substring(page.indexOf("<h2>Projections</h2>"), page.indexOf("<h2>Partition sets</h2>"));
        assertThat(row(projections, UpkeepProject.SUMMARY))
                .contains("<td>summary</td>", "<td>ready</td>")
                .contains("<span class=\"badge warning\">stale</span> 1h old; every 5min");
        assertThat(row(projections, UpkeepProject.VIEW))
                .contains("<td>materialized view</td>", "<span class=\"badge ok\">fresh</span>", "every 1h")
                .doesNotContain("never");
        assertThat(row(projections, UpkeepProject.COUNTER))
                .as("a counter is compacted and verified, never refreshed")
                .contains("<td>counter</td>", "<td>-</td><td>never</td><td>20")
                .endsWith("<td>-</td></tr>");
        String sets = page.substring(page.indexOf("<h2>Partition sets</h2>"), page.indexOf("<h2>History</h2>"));
        assertThat(row(sets, UpkeepProject.SET))
                .contains("<code>at</code> timestamptz range", "<td>1 month</td>", "<td>2</td>")
                .contains("<td>12 months, then drop</td>", "<td>3</td>")
                .contains("<span class=\"badge ok\">2 of 2</span>", "about 0 rows");

        cluster.execute(db, "drop table events_default");
        String withoutAhead = Fetch.page(
                        new SchemaPage(TestConnections.of(cluster, db), () -> settings, Clock.systemUTC()), "/schema")
                .body();
        assertThat(row(withoutAhead, UpkeepProject.SET)).contains("<td>none</td>");
    }

    @Test
    void withNoProjectionOrPartitionSetBothSectionsSaySo(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        Files.createDirectories(dir.resolve("db/migrations"));
        MigrationSettings settings = MigrationSettings.from(ConfigLoader.load(dir, null, Map.of()));

        String page = Fetch.page(
                        new SchemaPage(
                                ReadOnlyConnections.of(TestConnections.of(cluster, db)),
                                () -> settings,
                                Clock.systemUTC()),
                        "/schema")
                .body();

        assertThat(page)
                .contains("Keel keeps no counter, summary, materialized view or cached column here.")
                .contains("Keel keeps no partition set here");
    }

    /** The table row naming {@code name}, from its opening tag to its closing one. */
    private static String row(String html, String name) {
        int at = html.indexOf("<code>" + name + "</code>");
        assertThat(at).as("a row for " + name).isNotNegative();
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at) + "</tr>".length());
    }
}
