package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsCommandIT extends ProjectOnCluster {

    FlagsCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void listSaysHowToStartWhenThereAreNoFlags() {
        Cli.Run run = keel("flags", "list");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("No flags in").contains("keel flags set NAME off");
    }

    @Test
    void setThenGetAndListInText() {
        Cli.Run set = keel("flags", "set", "checkout-v8", "10%", "--allow", "bob,alice");

        assertThat(set.exitCode()).as(set.stderr()).isZero();
        assertThat(set.stdout()).contains("checkout-v8: new → 10%, allow-list alice, bob in ");
        Cli.Run get = keel("flags", "get", "checkout-v8");
        assertThat(get.stdout())
                .startsWith("checkout-v8: 10%, allow-list alice, bob")
                .contains("by postgres (");
        Cli.Run list = keel("flags", "list");
        assertThat(list.stdout()).contains("Flags in").contains("checkout-v8  10%, allow-list alice, bob  (set ");
    }

    @Test
    void setKeepsWhatItIsNotToldToChangeAndClearsOnRequest() throws Exception {
        cluster.execute(db, "CREATE SCHEMA public_v8");
        keel("flags", "set", "checkout-v8", "10%", "--allow", "alice", "--schema-version", "public_v8");

        assertThat(keel("flags", "set", "checkout-v8", "50%").stdout())
                .contains(
                        "10%, allow-list alice, schema version public_v8 → 50%, allow-list alice, schema version public_v8");
        keel("flags", "set", "checkout-v8", "--clear-allow", "--no-schema-version");

        JsonNode flag = json("--json", "flags", "get", "checkout-v8").get("flag");
        assertThat(flag.get("rollout").get("value").asText()).isEqualTo("50%");
        assertThat(flag.get("rollout").get("basisPoints").asInt()).isEqualTo(5000);
        assertThat(flag.get("allow")).isEmpty();
        assertThat(flag.get("schemaVersion").isNull()).isTrue();
    }

    @Test
    void jsonOfEachVerbIsOneDocument() throws Exception {
        JsonNode set = json("--json", "flags", "set", "checkout-v8", "on", "--allow", "alice");
        assertThat(set.get("before").isNull()).isTrue();
        assertThat(set.get("after").get("rollout").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(set.get("change").get("databaseRole").asText()).isEqualTo("postgres");

        JsonNode list = json("--json", "flags", "list");
        assertThat(list.get("flags")).hasSize(1);
        assertThat(list.get("flags").get(0).get("name").asText()).isEqualTo("checkout-v8");
        assertThat(list.get("database").asText()).contains(db);

        JsonNode history = json("--json", "flags", "history", "checkout-v8");
        assertThat(history.get("name").asText()).isEqualTo("checkout-v8");
        assertThat(history.get("changes")).hasSize(1);
        assertThat(history.get("changes").get(0).get("allowAfter").get(0).asText())
                .isEqualTo("alice");
    }

    @Test
    void historyShowsWhoChangedWhatAndWhen() {
        keel("flags", "set", "checkout-v8", "10%");
        keel("flags", "set", "checkout-v8", "50%", "--allow", "alice");

        Cli.Run run = keel("flags", "history", "checkout-v8");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("History of checkout-v8 in ");
            assertThat(lines.get(1)).contains("postgres (").endsWith("created: 10%");
            assertThat(lines.get(2)).endsWith("10% → 50%; allow-list (none) → alice");
        });
    }

    @Test
    void theActorIsKeelActorWhenSet() {
        Cli.Run set = Cli.runProcess(
                project.dir(),
                Map.of("KEEL_ACTOR", "deploy-bot"),
                "--url",
                cluster.jdbcUrl(db),
                "flags",
                "set",
                "checkout-v8",
                "on");
        assertThat(set.exitCode()).as(set.stderr()).isZero();

        assertThat(keel("flags", "history", "checkout-v8").stdout()).contains("postgres (deploy-bot)");
    }

    @Test
    void anUnknownFlagOnGetOrHistoryIsAUsageError() {
        for (String verb : new String[] {"get", "history"}) {
            Cli.Run run = keel("flags", verb, "nope");

            assertThat(run.exitCode()).as(verb).isEqualTo(2);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("flag nope is not set")
                    .contains("keel flags set nope off")
                    .endsWith("[KEEL-FLAGS-FLAG-UNKNOWN]");
        }
    }

    @Test
    void badValuesAreOneLineUsageErrorsAndChangeNothing() throws Exception {
        keel("flags", "set", "checkout-v8", "10%");
        for (String bad : new String[] {"101%", "maybe", "12.345%", "10"}) {
            Cli.Run run = keel("flags", "set", "checkout-v8", bad);

            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.errorLines())
                    .as(bad)
                    .singleElement()
                    .asString()
                    .contains("'" + bad + "' is not a flag value")
                    .endsWith("[KEEL-FLAGS-VALUE-INVALID]");
            assertThat(run.stderr()).doesNotContain("\tat ");
        }
        assertThat(json("--json", "flags", "history", "checkout-v8").get("changes"))
                .hasSize(1);
    }

    @Test
    void aNegativeShareIsTheValueItLooksLikeNotAnUnknownOption() throws Exception {
        keel("flags", "set", "checkout-v8", "10%");
        for (String[] args : new String[][] {
            {"flags", "set", "checkout-v8", "-5%"},
            {"flags", "set", "checkout-v8", "-5%", "--allow", "alice"},
            {"flags", "set", "--", "checkout-v8", "-5%"},
            {"flags", "set", "checkout-v8", "-0.5%"}
        }) {
            Cli.Run run = keel(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.errorLines())
                    .as(String.join(" ", args))
                    .singleElement()
                    .asString()
                    .contains("is not a flag value: a share cannot be below 0%")
                    .contains("use on, off or a percentage from 0% to 100%")
                    .endsWith("[KEEL-FLAGS-VALUE-INVALID]");
        }
        Cli.Run typo = keel("flags", "set", "checkout-v8", "on", "--alow", "alice");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.errorLines()).singleElement().asString().contains("'--alow'");
        Cli.Run extra = keel("flags", "set", "checkout-v8", "on", "-5%");
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.errorLines()).singleElement().asString().contains("'-5%'");
        assertThat(json("--json", "flags", "history", "checkout-v8").get("changes"))
                .as("nothing was changed")
                .hasSize(1);
    }

    @Test
    void otherBadInputNamesItsOwnCode() throws Exception {
        assertThat(keel("flags", "set", "Bad Name", "on").errorLines())
                .singleElement()
                .asString()
                .endsWith("[KEEL-FLAGS-NAME-INVALID]");
        assertThat(keel("flags", "set", "checkout-v8").errorLines())
                .singleElement()
                .asString()
                .endsWith("[KEEL-FLAGS-NOTHING-TO-SET]");
        Cli.Run missing = keel("flags", "set", "checkout-v8", "on", "--schema-version", "public_v9");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errorLines()).singleElement().asString().endsWith("[KEEL-FLAGS-SCHEMA-VERSION-MISSING]");
        Cli.Run both = keel("flags", "set", "checkout-v8", "on", "--allow", "a", "--clear-allow");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errorLines()).singleElement().asString().contains("mutually exclusive");
    }

    @Test
    void withoutAVerbKeelFlagsSaysWhichThereAre() {
        Cli.Run run = keel("flags");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("list, get, set or history");
    }

    @Test
    void anUnreachableDatabaseIsExitThree() {
        Cli.Run run = Cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres", "flags", "list");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.errorLines()).hasSize(1);
    }

    @Test
    void aBadValueWithJsonIsAnErrorDocument() throws Exception {
        Cli.Run run = keel("--json", "flags", "set", "checkout-v8", "maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(run.stdout()).toString()).contains("KEEL-FLAGS-VALUE-INVALID");
    }

    @Test
    void flagsLiveInTheConfiguredStateSchema() throws Exception {
        project.config("schema: ops_state\n");

        assertThat(keel("flags", "set", "checkout-v8", "on").exitCode()).isZero();

        assertThat(cluster.queryString(db, "SELECT count(*) FROM ops_state.flags"))
                .isEqualTo("1");
    }
}
