package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** keel top: the ranked table, its notes, --by, --limit and --json. */
class TopCommandIT extends ProjectOnCluster {

    TopCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void ranksTheSlowStatementFirstInTextAndTheFrequentOneFirstByCalls() throws Exception {
        keel("stats", "snapshot");
        run("SELECT pg_sleep(0.05)", 4);
        run("SELECT 1 AS frequent", 150);

        Cli.Run text = keel("top", "--since", "1s", "--limit", "3");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout())
                .contains("Statements by total time")
                .contains("RANK")
                .contains("SHARE")
                .contains("SHARED HIT/READ");
        assertThat(text.stdout().lines().filter(l -> l.matches("\\s+1 .*")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("pg_sleep"));

        JsonNode byCalls = json("top", "--by", "calls", "--limit", "1", "--json");
        assertThat(byCalls.get("statements")).hasSize(1);
        JsonNode first = byCalls.get("statements").get(0);
        assertThat(first.get("query").asText()).contains("frequent");
        assertThat(first.get("calls").asLong()).isEqualTo(150);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(byCalls.get("rankedBy").asText()).isEqualTo("CALLS");
        assertThat(byCalls.get("start").asText()).isNotBlank();
        assertThat(byCalls.get("end").asText()).isNotBlank();
        assertThat(byCalls.get("notes").isArray()).isTrue();
    }

    @Test
    void acrossAStatsResetTheNoteSaysSinceWhenFiguresCount() throws Exception {
        run("SELECT 1 AS before_the_reset", 40);
        keel("stats", "snapshot");
        cluster.execute(db, "SELECT pg_stat_statements_reset()");
        run("SELECT 1 AS before_the_reset", 2);

        JsonNode top = json("top", "--since", "1s", "--by", "calls", "--limit", "50", "--json");

        assertThat(top.get("notes").toString()).contains("was reset at");
        for (JsonNode s : top.get("statements")) {
            assertThat(s.get("calls").asLong()).isPositive();
            assertThat(s.get("totalMs").asDouble()).isNotNegative();
        }
        assertThat(top.get("statements").findValuesAsText("query"))
                .anySatisfy(q -> assertThat(q).contains("before_the_reset"));
        Cli.Run text = keel("top", "--since", "1s");
        assertThat(text.stdout()).contains("note: ");
    }

    @Test
    void withoutEarlierSnapshotsItCountsSinceTheLastResetAndSuggestsSnapshots() {
        Cli.Run run = keel("top");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("note: no earlier snapshot").contains("keel stats snapshot");
    }

    @Test
    void aWindowLongerThanTheSnapshotsSaysItIsShorter() throws Exception {
        keel("stats", "snapshot");

        JsonNode top = json("top", "--since", "7d", "--json");

        assertThat(top.get("notes").toString()).contains("shorter than the 7d asked");
        assertThat(top.get("fromSnapshot").asLong()).isEqualTo(1);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Run since = keel("top", "--since", "soon");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.errorLines()).singleElement().asString().contains("'soon' is not a duration");

        Cli.Run by = keel("top", "--by", "speed");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(keel("top", "--limit", "0").exitCode()).isEqualTo(2);
    }

    private void run(String sql, int times) throws Exception {
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            for (int i = 0; i < times; i++) {
                s.execute(sql);
            }
        }
    }

    /** Regression: as a role without pg_read_all_stats, keel top ranked only that role's statements and did not say so. */
    @Test
    void aRoleWithoutPgReadAllStatsIsToldItSeesOnlyItsOwnStatementsAndWhichGrantFixesIt() throws Exception {
        String role = "watcher_" + db;
        cluster.execute(db, "CREATE ROLE " + role + " LOGIN");
        // What a DBA sets up once: the extension, and a schema for keel's snapshots that the role owns.
        cluster.execute(
                db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE SCHEMA keel AUTHORIZATION " + role);
        run("SELECT 1 AS the_applications_statement", 5);
        String grant = "GRANT pg_read_all_stats TO " + role + ";";

        Cli.Run text = keelAs(role, "top", "--limit", "50");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout())
                .contains("note: role " + role + " is not a member of pg_read_all_stats, so it sees only its own")
                .contains(grant)
                .doesNotContain("the_applications_statement");

        Cli.Run limited = keelAs(role, "top", "--limit", "50", "--json");
        JsonNode json = JSON.readTree(limited.stdout());
        assertThat(json.get("visibility").get("seesAll").asBoolean()).isFalse();
        assertThat(json.get("visibility").get("grant").asText()).isEqualTo(grant);
        assertThat(json.get("notes").get(0).asText()).contains(grant);

        cluster.execute(db, grant);
        JsonNode full =
                JSON.readTree(keelAs(role, "top", "--limit", "50", "--json").stdout());
        assertThat(full.get("visibility").get("seesAll").asBoolean()).isTrue();
        assertThat(full.get("notes").toString()).doesNotContain("pg_read_all_stats");
        assertThat(full.get("statements").findValuesAsText("query"))
                .anySatisfy(q -> assertThat(q).contains("the_applications_statement"));
    }
}
