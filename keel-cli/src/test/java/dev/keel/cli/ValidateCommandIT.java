package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel validate: agreement of files and history, every problem listed, exit 1. */
class ValidateCommandIT extends ProjectOnCluster {

    ValidateCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void passesWhenDiskAndHistoryAgree() throws Exception {
        keel("migrate");
        Cli.Run run = keel("validate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Valid:");
    }

    @Test
    void listsEveryProblemAndExitsOne() throws Exception {
        keel("migrate");
        project.migration("V1__users.sql", "create table users (id bigint primary key, name text);");
        project.delete("V2__orders.sql");
        project.migration("V3__broken.sql", "select $x$ never closed");
        Cli.Run run = keel("validate", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("problems").findValuesAsText("kind"))
                .containsExactly("CHECKSUM_CHANGED", "MISSING_FILE", "INVALID_SCRIPT");
        Cli.Run text = keel("validate");
        assertThat(text.stdout()
                        .lines()
                        .filter(l -> l.startsWith("keel: error: "))
                        .map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .as(text.stdout())
                .containsExactly(
                        "[KEEL-MIGRATE-CHECKSUM-CHANGED]",
                        "[KEEL-MIGRATE-FILE-MISSING]",
                        "[KEEL-MIGRATE-SCRIPT-INVALID]");
    }
}
