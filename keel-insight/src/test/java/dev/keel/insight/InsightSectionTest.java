package dev.keel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's advise.* and doctor.* keys, as keel-insight declares them. */
class InsightSectionTest extends ConfigSectionTestBase {
    @Test
    void doctorThresholdsAreCarriedAsWrittenForTheDoctorToValidate() throws IOException {
        KeelYaml config = load("""
                doctor:
                  thresholds:
                    table-bloat:
                      bloatShare: 0.6
                      minWastedBytes: 10MB
                    long-transactions:
                      idleWarning: 2m
                """);

        assertThat(config.get(InsightSection.THRESHOLDS))
                .containsOnly(
                        Map.entry("table-bloat.bloatShare", "0.6"),
                        Map.entry("table-bloat.minWastedBytes", "10MB"),
                        Map.entry("long-transactions.idleWarning", "2m"));
        assertThat(load("schema: keel\n").get(InsightSection.THRESHOLDS)).isEmpty();
    }

    @Test
    void aDoctorKeyThatIsNotAThresholdIsAnError() {
        usageError(() -> load("doctor:\n  treshold: 1\n"))
                .satisfies(e -> assertThat(e.todo()).contains("doctor.thresholds.<check>.<threshold>"));
        usageError(() -> load("doctor:\n  thresholds:\n    table-bloat: 0.5\n"))
                .satisfies(e -> assertThat(e.what()).contains("not a threshold"));
        usageError(() -> load("doctor:\n  thresholds:\n    table-bloat:\n      bloatShare:\n        x: 1\n"))
                .satisfies(e -> assertThat(e.what())
                        .contains("'doctor.thresholds.table-bloat.bloatShare' in keel.yaml is not a threshold"));
    }

    @Test
    void adviseUnusedAfterDefaultsToAWeekAndReadsADurationFromTheFileOrTheEnvironment() throws IOException {
        assertThat(load("schema: keel\n").get(InsightSection.UNUSED_AFTER)).isEqualTo(Duration.ofDays(7));
        assertThat(load("advise:\n  unusedAfter: 30d\n").get(InsightSection.UNUSED_AFTER))
                .isEqualTo(Duration.ofDays(30));
        assertThat(load("schema: keel\n", Map.of("KEEL_ADVISE_UNUSEDAFTER", "36h"))
                        .get(InsightSection.UNUSED_AFTER))
                .isEqualTo(Duration.ofHours(36));
        usageError(() -> load("advise:\n  unusedAfter: soon\n"))
                .satisfies(e -> assertThat(e.what()).contains("advise.unusedAfter"));
        usageError(() -> load("advise:\n  unusedAfer: 7d\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("advise.unusedAfter"));
    }

    @Test
    void theDoctorSectionGivenAValueSaysItMustBeASection() {
        usageError(() -> load("doctor: on\n"))
                .satisfies(e ->
                        assertThat(e.getMessage()).contains("'doctor' in keel.yaml must be a section", "thresholds:"));
    }
}
