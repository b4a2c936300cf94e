package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RulePageTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static Finding finding(String rule, String source) {
        return new Finding(rule, Severity.ERROR, "f", 1, 1, "m", "x", source, "");
    }

    @Test
    void aSqlRuleHasItsOwnPageAndAChangeRuleItsHeadingInTheChangeFindingsPage() {
        assertThat(RulePage.of(finding("renaming-column", "static"))).isEqualTo("docs/checks/renaming-column.md");
        assertThat(RulePage.of(finding("shadow-blocking-lock", "shadow")))
                .isEqualTo("docs/checks/shadow-blocking-lock.md");
        assertThat(RulePage.of(finding("change-raw-sql", "change")))
                .isEqualTo("docs/changes/findings.md#change-raw-sql");
    }

    @Test
    void everyRuleTheChangeEngineReportsHasItsHeading() throws IOException {
        Set<String> rules = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(change-[a-z-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("..", "keel-migrate", "src", "main", "java", "dev", "keel"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    rules.add(m.group(1));
                }
            }
        }
        String page = Files.readString(DOCS.resolve("changes/findings.md"));
        assertThat(rules).hasSizeGreaterThan(20).contains("change-raw-sql", "change-not-null-has-nulls");
        for (String rule : rules) {
            assertThat(page).as(rule).contains("\n### " + rule + "\n");
        }
    }
}
