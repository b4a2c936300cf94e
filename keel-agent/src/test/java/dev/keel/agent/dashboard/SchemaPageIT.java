package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
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
}
