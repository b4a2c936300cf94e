package dev.keel.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.doctor.checks.IndexBloat;
import dev.keel.doctor.checks.LongTransactions;
import dev.keel.doctor.checks.TableBloat;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;

class DoctorThresholdsTest {
    private final Doctor standard = Doctor.standard("keel");

    @Test
    void setsTheNamedThresholdsAndKeepsTheOtherDefaults() {
        Doctor configured = DoctorThresholds.apply(
                standard,
                Map.of(
                        "table-bloat.bloatShare",
                        "0.3",
                        "table-bloat.minWastedBytes",
                        "10MB",
                        "long-transactions.idleWarning",
                        "2m"));

        assertThat(check(configured, TableBloat.class)).isEqualTo(new TableBloat(10L << 20, 0.3));
        LongTransactions defaults = new LongTransactions();
        assertThat(check(configured, LongTransactions.class))
                .isEqualTo(new LongTransactions(
                        Duration.ofMinutes(2),
                        defaults.idleCritical(),
                        defaults.runningWarning(),
                        defaults.runningCritical()));
        assertThat(check(configured, IndexBloat.class)).isEqualTo(new IndexBloat());
        assertThat(configured.checks())
                .extracting(DoctorCheck::id)
                .isEqualTo(standard.checks().stream().map(DoctorCheck::id).toList());
    }

    @Test
    void listsAChecksThresholdsByTheirNames() {
        assertThat(DoctorThresholds.of(new TableBloat()))
                .containsExactly(Map.entry("minWastedBytes", 100L << 20), Map.entry("bloatShare", 0.5));
    }

    @Test
    void anUnknownCheckOrThresholdNamesTheNearestKnownOne() {
        usageError(InsightError.THRESHOLD_UNKNOWN, Map.of("table-blaot.bloatShare", "0.5"))
                .satisfies(e -> {
                    assertThat(e.what()).isEqualTo("unknown check 'table-blaot' in doctor.thresholds");
                    assertThat(e.todo()).startsWith("did you mean 'table-bloat'?");
                });
        usageError(InsightError.THRESHOLD_UNKNOWN, Map.of("table-bloat.bloatshare", "0.5"))
                .satisfies(e -> {
                    assertThat(e.what()).isEqualTo("unknown threshold 'doctor.thresholds.table-bloat.bloatshare'");
                    assertThat(e.todo())
                            .startsWith("did you mean 'bloatShare'?")
                            .contains("minWastedBytes, bloatShare");
                });
    }

    @Test
    void aValueThatDoesNotParseOrIsNegativeIsAConfigurationError() {
        usageError(InsightError.THRESHOLD_INVALID, Map.of("table-bloat.bloatShare", "half"))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("'doctor.thresholds.table-bloat.bloatShare' must be a number, not 'half'"));
        usageError(InsightError.THRESHOLD_INVALID, Map.of("table-bloat.minWastedBytes", "10 parsecs"))
                .satisfies(e -> assertThat(e.what()).contains("must be a size in bytes (or with kB, MB, GB, TB)"));
        usageError(InsightError.THRESHOLD_INVALID, Map.of("long-transactions.idleWarning", "soon"))
                .satisfies(e -> assertThat(e.what()).startsWith("'doctor.thresholds.long-transactions.idleWarning': "));
        usageError(InsightError.THRESHOLD_INVALID, Map.of("table-bloat.bloatShare", "-1"))
                .satisfies(e -> assertThat(e.what()).contains("must not be negative"));
    }

    private ObjectAssert<KeelException> usageError(InsightError code, Map<String, String> thresholds) {
        return assertThatThrownBy(() -> DoctorThresholds.apply(standard, thresholds))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .satisfies(e -> assertThat(e.code()).isEqualTo(code));
    }

    private static <T extends DoctorCheck> T check(Doctor doctor, Class<T> type) {
        return doctor.checks().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }
}
