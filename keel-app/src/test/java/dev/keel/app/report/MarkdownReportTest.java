package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void startAfterAndTheExcludedRulesAreLinesUnderTheSummary() {
        String out = MarkdownReport.render(CheckRuns.narrowed());

        assertThat(out)
                .contains("2 files, 1 statements: 1 error, 0 warnings.\n\n"
                        + "_Checks start after version 1 (check.startAfter): 1 earlier file read for the schema only._\n\n"
                        + "_Rules excluded by check.exclude: prefer-bigint, prefer-text._\n\n"
                        + "| rule |");
    }

    @Test
    void aRunKeelYamlDidNotNarrowHasNoSuchLine() {
        String out = MarkdownReport.render(CheckRuns.plain());

        assertThat(out).doesNotContain("check.startAfter").doesNotContain("check.exclude");
    }
}
