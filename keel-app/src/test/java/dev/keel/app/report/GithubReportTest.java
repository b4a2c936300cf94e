package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubReportTest {

    @Test
    void startAfterAndTheExcludedRulesAreNoticesAfterTheAnnotations() {
        String out = GithubReport.render(CheckRuns.narrowed());

        assertThat(out.lines())
                .endsWith(
                        "::notice title=keel check::checks start after version 1 (check.startAfter):"
                                + " 1 earlier file read for the schema only",
                        "::notice title=keel check::rules excluded by check.exclude: prefer-bigint, prefer-text");
        assertThat(out).startsWith("::error file=V2__drop_sessions.sql,line=1");
    }

    @Test
    void aRunKeelYamlDidNotNarrowHasNoNotice() {
        assertThat(GithubReport.render(CheckRuns.plain())).doesNotContain("::notice");
    }
}
