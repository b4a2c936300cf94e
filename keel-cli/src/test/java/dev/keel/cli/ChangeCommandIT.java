package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel migrate with a change file, then keel change status, complete and rollback. */
class ChangeCommandIT extends ProjectOnCluster {

    ChangeCommandIT(TestCluster cluster) {
        super(cluster);
    }

    private void withChange() {
        project.migration(
                "V3__rename.yaml", "operations:\n  - rename_column: {table: orders, from: user_id, to: customer_id}\n");
        project.migration("V4__later.sql", "create table later (id int);");
    }

    @Test
    void migrateStopsAtTheChangeAndSaysHowToGoOn() throws Exception {
        withChange();
        Cli.Run run = keel("migrate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("V3 is active").contains("keel change complete");
        assertThat(run.stderr()).contains("2 later pending migrations wait");

        JsonNode status = json("change", "status", "--json");
        assertThat(status.get("phase").asText()).isEqualTo("active");
        assertThat(status.get("newSchema").asText()).isEqualTo("public_v3");
        assertThat(status.get("previousSchema").asText()).isEqualTo("public_v2");
        assertThat(keel("change", "status").stdout()).contains("complete will:").contains("rename column user_id");

        Cli.Run complete = keel("change", "complete");
        assertThat(complete.exitCode()).as(complete.stderr()).isZero();
        assertThat(complete.stdout()).contains("Completed V3");
        assertThat(keel("migrate").stdout()).contains("Applied 2 migrations");
        assertThat(keel("change", "status").stdout()).contains("No change is active.");
    }

    @Test
    void rollbackOfTheActiveChangeSaysTheSchemaIsAsBefore() throws Exception {
        withChange();
        keel("migrate");

        Cli.Run rollback = keel("change", "rollback");
        assertThat(rollback.exitCode()).as(rollback.stderr()).isZero();
        assertThat(rollback.stdout()).contains("Rolled back V3").contains("the schema is as before the change.");
        assertThat(keel("change", "status").stdout()).contains("No change is active.");
    }

    @Test
    void rollbackWithNothingActiveIsAClearError() {
        Cli.Run run = keel("change", "rollback");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no change is active").contains("KEEL-MIGRATE-CHANGE-NOT-ACTIVE");
    }

    @Test
    void migrateCompleteRunsEverythingAndRollbackUndoesAStartedChange() throws Exception {
        withChange();
        project.migration("V5__drop.yaml", "operations:\n  - drop_table: {name: later}\n");
        Cli.Run run = keel("migrate", "--complete");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(cluster.queryString(db, "select to_regclass('later') is null"))
                .isEqualTo("t");
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from pg_attribute where attname = 'customer_id'"
                                + " and attrelid = 'orders'::regclass"))
                .isEqualTo("1");
    }

    @Test
    void dryRunPrintsTheChangePlan() {
        withChange();
        keel("migrate", "--target", "2");
        Cli.Run run = keel("migrate", "--dry-run");
        assertThat(run.stdout()).contains("start (V3, views in public_v3)").contains("RENAME COLUMN \"user_id\"");
    }
}
