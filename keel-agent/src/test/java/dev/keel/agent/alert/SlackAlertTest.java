package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.app.JsonOutput;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackAlertTest {
    private static final Instant OPENED = Instant.parse("2026-12-03T06:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-03T08:30:00Z");
    private static final RunbookLinks LINKS = new RunbookLinks("https://git.example/shop/docs/runbooks/");

    private final AlertCondition condition = AlertConditions.of(
                    Findings.report(Findings.wraparound(1_500_000_000L)), DoctorSeverity.CRITICAL)
            .get("wraparound-age:database=shop");

    @Test
    void anOpenedAlertIsOneReadableLineWithTheRunbookLinked() throws Exception {
        JsonNode json = JsonOutput.mapper().readTree(SlackAlert.body(event(AlertEvent.Kind.OPENED), LINKS));

        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get("text").asText())
                .isEqualTo(":rotating_light: *critical* `wraparound-age` on *shop*: database shop has used 1500000000"
                        + " of its transaction IDs — <https://git.example/shop/docs/runbooks/wraparound-age.md|runbook>"
                        + " (keel up on db1)")
                .doesNotContain("\n");
    }

    @Test
    void aReminderSaysHowLongItHasBeenOpenAndAResolutionHowLongItLasted() {
        assertThat(SlackAlert.text(event(AlertEvent.Kind.REMINDER), LINKS))
                .startsWith(":bell: still open after 2h 30min: *critical* `wraparound-age` on *shop*:");
        assertThat(SlackAlert.text(event(AlertEvent.Kind.RESOLVED), LINKS))
                .startsWith(":white_check_mark: resolved after 2h 30min: `wraparound-age` on *shop*:")
                .doesNotContain("runbook");
    }

    @Test
    void markupInASummaryIsShownAsWritten() {
        AlertCondition odd = new AlertCondition(
                "k", DoctorSeverity.CRITICAL, "c", "a <b> & c", Map.of(), DoctorFinding.runbookOf("c"));

        assertThat(SlackAlert.text(
                        new AlertEvent(AlertEvent.Kind.OPENED, odd, NOW, NOW, "shop", "db1"), RunbookLinks.none()))
                .contains("a &lt;b&gt; &amp; c")
                .contains("runbook: docs/runbooks/c.md");
    }

    private AlertEvent event(AlertEvent.Kind kind) {
        return new AlertEvent(kind, condition, OPENED, NOW, "shop", "db1");
    }
}
