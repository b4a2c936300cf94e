package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.app.JsonOutput;
import dev.keel.doctor.DoctorSeverity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonAlertTest {

    @Test
    void theDocumentCarriesEveryFieldDocsAlertsMdLists() throws Exception {
        AlertCondition condition = AlertConditions.of(
                        Findings.report(Findings.wraparound(1_500_000_000L)), DoctorSeverity.CRITICAL)
                .get("wraparound-age:database=shop");
        AlertEvent event = new AlertEvent(
                AlertEvent.Kind.REMINDER,
                condition,
                Instant.parse("2026-12-03T06:00:00Z"),
                Instant.parse("2026-12-03T10:00:00Z"),
                "shop",
                "db1.example");

        JsonNode json = JsonOutput.mapper()
                .readTree(JsonAlert.body(event, new RunbookLinks("https://git.example/shop/docs/runbooks")));

        assertThat(json.get("event").asText()).isEqualTo("reminder");
        assertThat(json.get("key").asText()).isEqualTo("wraparound-age:database=shop");
        assertThat(json.get("severity").asText()).isEqualTo("critical");
        assertThat(json.get("check").asText()).isEqualTo("wraparound-age");
        assertThat(json.get("summary").asText()).contains("1500000000");
        assertThat(json.get("evidence").get("age").asLong()).isEqualTo(1_500_000_000L);
        assertThat(json.get("runbook").asText()).isEqualTo("https://git.example/shop/docs/runbooks/wraparound-age.md");
        assertThat(json.get("database").asText()).isEqualTo("shop");
        assertThat(json.get("agentHost").asText()).isEqualTo("db1.example");
        assertThat(json.get("time").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(json.get("opened").asText()).isEqualTo("2026-12-03T06:00:00Z");
    }

    @Test
    void withoutARunbookUrlTheDocumentNamesThePathInTheProject() throws Exception {
        AlertCondition condition = AlertConditions.of(Findings.report(Findings.wraparound(1L)), DoctorSeverity.CRITICAL)
                .get("wraparound-age:database=shop");
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        JsonNode json = JsonOutput.mapper()
                .readTree(JsonAlert.body(
                        new AlertEvent(AlertEvent.Kind.OPENED, condition, now, now, "shop", "h"), RunbookLinks.none()));

        assertThat(json.get("runbook").asText()).isEqualTo("docs/runbooks/wraparound-age.md");
    }
}
