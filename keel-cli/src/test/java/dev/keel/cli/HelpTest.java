package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Regression: usage errors told users to run 'keel COMMAND --help', which every subcommand refused as an unknown option. */
class HelpTest {

    @Test
    void everyCommandAnswersHelp() {
        for (String[] command : new String[][] {
            {"migrate"}, {"check"}, {"restore"}, {"backup", "verify"}, {"stats", "snapshot"}, {"advise", "indexes"}
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
}
