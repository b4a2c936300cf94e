package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: under LANG=C keel printed '?' for every '—', '…' and '×': its output is UTF-8 whatever the locale. */
class PosixLocaleOutputIT {
    private static final Map<String, String> POSIX_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");

    @Test
    void reportsHelpAndErrorsAreUtf8UnderThePosixLocale(@TempDir Path dir) throws Exception {
        JavaProcess probe = JavaProcess.start(PrintStdoutEncoding.class.getName(), dir, POSIX_LOCALE, List.of());
        assertThat(probe.waitFor(60)).isZero();
        assertThat(probe.stdout()).as("the charset the locale gives System.out").isNotEqualToIgnoringCase("UTF-8");
        Files.writeString(dir.resolve("not_null.sql"), "alter table users alter column email set not null;\n");

        Cli.Run report = Cli.runProcess(dir, POSIX_LOCALE, "check", "not_null.sql", "--pg-version", "11");
        Cli.Run help = Cli.runProcess(dir, POSIX_LOCALE, "--help");
        Cli.Run error = Cli.runProcess(dir, POSIX_LOCALE, "check", "missing.sql");

        assertThat(report.stdout()).contains("keep a check instead \u2014 ").doesNotContain("?");
        assertThat(help.stdout()).contains("postgresql://\u2026").doesNotContain("?");
        assertThat(error.exitCode()).isEqualTo(2);
        assertThat(error.stderr())
                .contains("missing.sql does not exist \u2014 ")
                .doesNotContain("?");
    }
}
