package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyNotesTest {

    @Test
    void aNarrowedRunHasBothNotes() {
        assertThat(PolicyNotes.all(CheckRuns.narrowed()))
                .containsExactly(
                        "checks start after version 1 (check.startAfter): 1 earlier file read for the schema only",
                        "rules excluded by check.exclude: prefer-bigint, prefer-text");
    }

    @Test
    void aPlainRunHasNone() {
        assertThat(PolicyNotes.all(CheckRuns.plain())).isEmpty();
        assertThat(PolicyNotes.startAfter(CheckRuns.plain())).isNull();
        assertThat(PolicyNotes.excluded(CheckRuns.plain())).isNull();
    }
}
