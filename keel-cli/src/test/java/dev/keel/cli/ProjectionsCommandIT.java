package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionsCommandIT extends ProjectOnCluster {

    ProjectionsCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @BeforeEach
    void counter() {
        project.migration(
                "V3__orders_per_user.yaml",
                "operations:\n  - create_counter: {name: orders_per_user, table: orders, group_by: [user_id]}\n");
    }

    private void migrated() {
        Cli.Run run = keel("migrate", "--complete");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        cluster.execute(
                db,
                "insert into users select generate_series(1, 5);"
                        + " insert into orders select i, case when i % 6 = 0 then null else i % 5 + 1 end"
                        + " from generate_series(1, 40) i");
    }

    @Test
    void listCompactAndVerifyACounterThatMatches() throws Exception {
        migrated();

        Cli.Run list = keel("projections", "list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout())
                .contains(
                        "public.orders_per_user  counter on orders by user_id, ready; compacted never, verified never");
        JsonNode listed =
                json("--json", "projections", "list").get("projections").get(0);
        assertThat(listed.get("name").asText()).isEqualTo("orders_per_user");
        assertThat(listed.get("definition").get("groupBy").get(0).asText()).isEqualTo("user_id");
        assertThat(listed.get("state").asText()).isEqualTo("ready");
        assertThat(listed.get("createdBy").asText()).isEqualTo("3");
        Cli.Run compact = keel("projections", "compact");
        assertThat(compact.exitCode()).as(compact.stderr()).isZero();
        assertThat(compact.stdout()).contains("public.orders_per_user: folded 6 deltas into 6 base rows in ");
        Cli.Run verify = keel("projections", "verify", "orders_per_user");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stdout()).startsWith("public.orders_per_user: ok, every group matches the table (");
        assertThat(keel("projections", "verify", "--sample", "2").stdout())
                .contains("ok, a sample of 2 groups matches the table");
    }

    @Test
    void driftIsExitOneUntilRepaired() throws Exception {
        migrated();
        cluster.execute(db, "update orders_per_user_stripes set keel_count = keel_count + 3 where user_id = 2");

        Cli.Run verify = keel("projections", "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.stdout().lines().toList())
                .containsExactly(
                        "public.orders_per_user: 1 group differs from the table (every group)",
                        "  (2)  count 9, table 6",
                        "  run keel projections verify public.orders_per_user --repair to fix it");

        JsonNode json = json("--json", "projections", "verify");
        JsonNode counter = json.get("counters").get(0);
        assertThat(counter.get("driftedGroups").asLong()).isEqualTo(1);
        assertThat(counter.get("drifted").get(0).get("group").get(0).asText()).isEqualTo("2");
        assertThat(counter.get("repaired").asBoolean()).isFalse();

        Cli.Run repair = keel("projections", "verify", "--repair");
        assertThat(repair.exitCode()).as(repair.stderr()).isZero();
        assertThat(repair.stdout()).contains("1 group differs from the table (every group); repaired");
        assertThat(keel("projections", "verify").exitCode()).isZero();
        assertThat(cluster.queryString(db, "select count from orders_per_user where user_id = 2"))
                .isEqualTo("6");
    }

    @Test
    void anUnknownCounterOrABadSampleIsAUsageError() {
        migrated();

        Cli.Run unknown = keel("projections", "verify", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errorLines())
                .singleElement()
                .asString()
                .contains("no counter or projection named nope")
                .endsWith("[KEEL-MIGRATE-PROJECTION-UNKNOWN]");
        assertThat(keel("projections", "verify", "--sample", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void checkAndValidateReadTheCounterFile() {
        migrated();
        Cli.Run check = keel("check");
        assertThat(check.stdout() + check.stderr()).doesNotContain("create_counter");
        Cli.Run validate = keel("validate");
        assertThat(validate.exitCode())
                .as(validate.stdout() + validate.stderr())
                .isZero();

        project.migration(
                "V4__bad.yaml", "operations:\n  - create_counter: {name: c, table: orders, group_by: [usr_id]}\n");
        Cli.Run bad = keel("validate");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stdout() + bad.stderr()).contains("V4__bad.yaml:2:").contains("usr_id does not exist");
    }

    @Test
    void withoutCountersListSaysHowToMakeOne() {
        Cli.Run list = keel("projections", "list");

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("Nothing in").contains("create_counter");
        assertThat(keel("projections", "compact").stdout()).contains("nothing to compact");
    }
}
