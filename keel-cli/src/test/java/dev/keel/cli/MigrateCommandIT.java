package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel migrate: JSON on stdout and progress on stderr, option placement, dry runs. */
class MigrateCommandIT extends ProjectOnCluster {

    MigrateCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void jsonIsOneDocumentOnStdoutAndProgressGoesToStderr() throws Exception {
        Cli.Run run = keel("migrate", "--json");
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("applied")).hasSize(3);
        assertThat(result.get("schemaVersionAfter").asText()).isEqualTo("2");
        assertThat(run.stderr()).contains("applied V1");
    }

    @Test
    void globalOptionsMayComeBeforeTheCommand() throws Exception {
        Cli.Run run = Cli.run(
                "--json", "--url", cluster.jdbcUrl(db), "-C", project.dir().toString(), "migrate", "--dry-run");
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        assertThat(result.get("applied")).hasSize(3);
    }

    @Test
    void dryRunSaysWhatItWouldDo() {
        Cli.Run run = keel("migrate", "--dry-run");
        assertThat(run.stdout())
                .contains("Would apply 3 migrations")
                .contains("V2__orders.sql")
                .contains("Dry run: nothing was applied.");
        assertThat(cluster.queryString(db, "select to_regclass('users') is null"))
                .isEqualTo("t");
    }
}
