package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandNamesTest {
    private static String chosen(String... args) {
        return CommandNames.chosen(args, KeelCommand.COMMANDS);
    }

    @Test
    void theFirstWordThatIsNoOptionValueNamesTheCommand() {
        assertThat(chosen("backup", "--repo", "file:///r")).isEqualTo("backup");
        assertThat(chosen("--json", "-v", "migrate")).isEqualTo("migrate");
        assertThat(chosen("-C", "migrate", "check", "db")).isEqualTo("check");
        assertThat(chosen("--url", "restore", "--config", "doctor", "backup")).isEqualTo("backup");
        assertThat(chosen("--url=postgresql://h/d", "wal", "stream")).isEqualTo("wal");
    }

    @Test
    void helpAnUnknownWordOrNoCommandGetEveryCommand() {
        assertThat(chosen("help", "backup")).isNull();
        assertThat(chosen("migrat")).isNull();
        assertThat(chosen("--help")).isNull();
        assertThat(chosen()).isNull();
        assertThat(chosen("--", "migrate")).isNull();
    }

    @Test
    void onlyTheChosenCommandIsBuilt() {
        assertThat(KeelCommand.commandLine(new String[] {"backup", "list"}).getSubcommands())
                .containsOnlyKeys("backup");
        assertThat(KeelCommand.commandLine(new String[] {"--help"}).getSubcommands())
                .hasSize(KeelCommand.COMMANDS.size());
    }
}
