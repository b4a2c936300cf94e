package dev.keel.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.check.CheckReport;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    private static JsonNode run(CheckReport report) {
        return new ObjectMapper()
                .valueToTree(SarifReport.render(report, "0.1.0"))
                .at("/runs/0");
    }

    @Test
    void startAfterAndTheExcludedRulesAreRunPropertiesAndInvocationNotes() {
        JsonNode run = run(CheckRuns.narrowed());

        assertThat(run.at("/properties/startAfter").asText()).isEqualTo("1");
        assertThat(run.at("/properties/skippedFiles").asInt()).isEqualTo(1);
        assertThat(run.at("/properties/excluded").toString()).isEqualTo("[\"prefer-bigint\",\"prefer-text\"]");
        JsonNode notes = run.at("/invocations/0/toolExecutionNotifications");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).at("/level").asText()).isEqualTo("note");
        assertThat(notes.get(0).at("/message/text").asText())
                .isEqualTo("checks start after version 1 (check.startAfter): 1 earlier file read for the schema only");
        assertThat(notes.get(1).at("/message/text").asText())
                .isEqualTo("rules excluded by check.exclude: prefer-bigint, prefer-text");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void aRunKeelYamlDidNotNarrowHasNeitherPropertiesNorNotes() {
        JsonNode run = run(CheckRuns.plain());

        assertThat(run.has("properties")).isFalse();
        assertThat(run.at("/invocations/0").has("toolExecutionNotifications")).isFalse();
        assertThat(run.at("/results/0/ruleId").asText()).isEqualTo("dropping-table");
    }
}
