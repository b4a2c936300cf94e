package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Regression: usage errors told users to run 'keel COMMAND --help', which every subcommand refused as an unknown option. */
class HelpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCommandAnswersHelp() {
        for (String[] command : new String[][] {
            {"migrate"},
            {"check"},
            {"restore"},
            {"backup", "verify"},
            {"stats", "snapshot"},
            {"advise", "indexes"},
            {"flags"},
            {"flags", "list"},
            {"flags", "get"},
            {"flags", "set"},
            {"flags", "history"},
            {"partitions"},
            {"partitions", "maintain"}
        }) {
            String[] args = Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli.Run run = Cli.run(args);
            assertThat(run.exitCode())
                    .as(String.join(" ", args) + ": " + run.stderr())
                    .isZero();
            assertThat(run.stdout()).as(String.join(" ", args)).contains("Usage: keel " + String.join(" ", command));
        }
    }

    @Test
    void jsonHelpIsOneJsonDocumentWithTheUsage() throws Exception {
        Cli.Run run = Cli.run("--json", "--help");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode help = JSON.readTree(run.stdout());
        assertThat(help.get("command").asText()).isEqualTo("keel");
        assertThat(help.get("usage").asText()).contains("Usage: keel");
        assertThat(help.get("subcommands").toString()).contains("\"migrate\"", "\"check\"");
        assertThat(help.get("options").toString()).contains("\"--json\"");
    }

    @Test
    void jsonHelpOfACommandWhereverTheOptionsStand() throws Exception {
        for (String[] args : new String[][] {
            {"--json", "check", "--help"}, {"check", "--help", "--json"}, {"--json", "help", "check"}
        }) {
            Cli.Run run = Cli.run(args);

            assertThat(run.exitCode())
                    .as(String.join(" ", args) + ": " + run.stderr())
                    .isZero();
            JsonNode help = JSON.readTree(run.stdout());
            assertThat(help.get("command").asText()).as(String.join(" ", args)).isEqualTo("keel check");
            assertThat(help.get("usage").asText()).contains("Usage: keel check").contains("--format");
        }
    }

    @Test
    void jsonVersionIsJsonToo() throws Exception {
        Cli.Run run = Cli.run("--json", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.stdout()).get("version").get(0).asText()).startsWith("keel ");
    }

    @Test
    void helpWithoutJsonStaysText() {
        assertThat(Cli.run("--help").stdout()).startsWith("Usage: keel");
    }
}
