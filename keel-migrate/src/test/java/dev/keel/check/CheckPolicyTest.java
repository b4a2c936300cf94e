package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's check section: adopting keel on an existing history without editing applied files. */
class CheckPolicyTest {
    private static final List<CheckInput> HISTORY = List.of(
            new CheckInput("db/migrations/V1__carts.sql", "CREATE TABLE carts (id bigint PRIMARY KEY, token text);"),
            new CheckInput(
                    "db/migrations/V2__carts_token.sql",
                    "CREATE INDEX carts_token ON carts (token);\nDROP TABLE legacy;"),
            new CheckInput(
                    "db/migrations/V10__orders.sql",
                    "CREATE INDEX orders_status ON orders (status);\nDROP TABLE legacy_sessions;"));

    private static CheckReport check(CheckSettings config) {
        return new Checker(Rules.all(), 17, false, CheckPolicy.of(config)).check(HISTORY);
    }

    @Test
    void startAfterChecksOnlyLaterFilesButTheEarlierOnesStillFeedTheSchema() {
        CheckReport report = check(new CheckSettings(null, "2", List.of(), Map.of()));
        assertThat(report.findings()).extracting(Finding::file).containsOnly("db/migrations/V10__orders.sql");
        assertThat(report.skippedFiles()).isEqualTo(2);
        assertThat(report.startAfter()).isEqualTo("2");
        // V2 is not after V10 by text: the version decides.
        assertThat(check(new CheckSettings(null, "10", List.of(), Map.of())).findings())
                .isEmpty();
    }

    @Test
    void skippedFilesStillTellTheModelWhatTheyCreated() {
        List<CheckInput> inputs = List.of(
                new CheckInput("V1__carts.sql", "CREATE TABLE carts (id bigint PRIMARY KEY, token text);"),
                new CheckInput("V2__carts_token.sql", "CREATE INDEX carts_token ON carts (token);"));
        CheckPolicy policy = CheckPolicy.of(new CheckSettings(null, "1", List.of(), Map.of()));
        assertThat(new Checker(Rules.all(), 17, false, policy).check(inputs).findings())
                .isEmpty();
    }

    @Test
    void excludedRulesDoNotRunAndAreReported() {
        CheckReport report = check(new CheckSettings(null, null, List.of("dropping-table"), Map.of()));
        assertThat(report.findings())
                .extracting(Finding::rule)
                .doesNotContain("dropping-table")
                .contains("require-concurrent-index-creation");
        assertThat(report.excluded()).containsExactly("dropping-table");
    }

    @Test
    void aWaiverByFileAndRuleTakesTheFindingBackWithItsReason() {
        CheckReport report = check(new CheckSettings(
                null,
                null,
                List.of(),
                Map.of("V10__orders.sql", Map.of("dropping-table", "release 4.2 stopped using legacy_sessions"))));
        assertThat(report.findings())
                .noneMatch(f -> f.file().endsWith("V10__orders.sql") && f.rule().equals("dropping-table"));
        assertThat(report.findings())
                .anyMatch(f ->
                        f.file().endsWith("V2__carts_token.sql") && f.rule().equals("dropping-table"));
        assertThat(report.waived()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("release 4.2 stopped using legacy_sessions");
            assertThat(w.by()).isEqualTo(CheckReport.Waived.BY_CONFIG);
            assertThat(w.finding().rule()).isEqualTo("dropping-table");
        });
    }

    @Test
    void anUnknownRuleIdIsAUsageErrorNamingTheNearest() {
        assertThatThrownBy(() -> CheckPolicy.of(new CheckSettings(null, null, List.of("droping-table"), Map.of())))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage())
                            .contains("'droping-table' in check.exclude is not a check rule")
                            .contains("dropping-table");
                });
    }
}
