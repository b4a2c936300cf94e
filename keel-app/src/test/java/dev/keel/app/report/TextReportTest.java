package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void startAfterAndTheExcludedRulesComeBeforeTheSummary() {
        String out = TextReport.render(CheckRuns.narrowed());

        assertThat(out)
                .endsWith("checks start after version 1 (check.startAfter): 1 earlier file read for the schema only\n"
                        + "rules excluded by check.exclude: prefer-bigint, prefer-text\n"
                        + "2 files, 1 statements: 1 error, 0 warnings.\n");
    }
}
