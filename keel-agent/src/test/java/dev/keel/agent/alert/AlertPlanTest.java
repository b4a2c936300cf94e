package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.stats.StatsVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPlanTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration REMIND = Duration.ofHours(4);

    private final DoctorReport critical = Findings.report(Findings.wraparound(1_500_000_000L));
    private final AlertCondition condition = AlertConditions.of(critical, DoctorSeverity.CRITICAL)
            .values()
            .iterator()
            .next();

    @Test
    void aConditionNewToTheOpenAlertsOpens() {
        AlertPlan plan = plan(List.of(), critical, T0);

        assertThat(plan.opened()).containsExactly(condition);
        assertThat(plan.reminded()).isEmpty();
        assertThat(plan.resolved()).isEmpty();
    }

    @Test
    void anOpenAlertSeenAgainIsRemindedOnlyOnceTheIntervalPassed() {
        OpenAlert open = new OpenAlert(condition, T0, T0);

        assertThat(plan(List.of(open), critical, T0.plus(REMIND).minusSeconds(1))
                        .empty())
                .isTrue();
        AlertPlan due = plan(List.of(open), critical, T0.plus(REMIND));
        assertThat(due.reminded()).singleElement().satisfies(a -> {
            assertThat(a.opened()).isEqualTo(T0);
            assertThat(a.lastSent()).isEqualTo(T0);
        });
        assertThat(due.opened()).isEmpty();
    }

    @Test
    void aReminderSaysWhatTheLatestReportSays() {
        OpenAlert open = new OpenAlert(condition, T0, T0);

        AlertPlan due = plan(List.of(open), Findings.report(Findings.wraparound(1_700_000_000L)), T0.plus(REMIND));

        assertThat(due.reminded().get(0).condition().evidence()).containsEntry("age", 1_700_000_000L);
    }

    @Test
    void anAlertGrownMoreSevereIsToldAtOnce() {
        DoctorReport warnings = Findings.report(Findings.invalidIndex("public.i"));
        AlertCondition warning = AlertConditions.of(warnings, DoctorSeverity.WARNING)
                .values()
                .iterator()
                .next();
        AlertCondition critical = new AlertCondition(
                warning.key(),
                DoctorSeverity.CRITICAL,
                warning.check(),
                "worse",
                warning.evidence(),
                warning.runbook());
        OpenAlert open = new OpenAlert(warning, T0, T0);

        AlertPlan plan =
                AlertPlan.of(List.of(open), Map.of(warning.key(), critical), warnings, T0.plusSeconds(60), REMIND);

        assertThat(plan.reminded())
                .singleElement()
                .satisfies(a -> assertThat(a.condition().severity()).isEqualTo(DoctorSeverity.CRITICAL));
        assertThat(AlertPlan.of(
                                List.of(new OpenAlert(critical, T0, T0)),
                                Map.of(warning.key(), warning),
                                warnings,
                                T0.plusSeconds(60),
                                REMIND)
                        .empty())
                .as("a milder one waits for its reminder")
                .isTrue();
    }

    @Test
    void anOpenAlertTheReportNoLongerShowsResolves() {
        OpenAlert open = new OpenAlert(condition, T0, T0);

        AlertPlan plan = plan(List.of(open), Findings.report(), T0.plusSeconds(60));

        assertThat(plan.resolved()).containsExactly(open);
        assertThat(plan.opened()).isEmpty();
    }

    @Test
    void anOpenAlertOfACheckThatDidNotRunStaysOpen() {
        OpenAlert open = new OpenAlert(condition, T0, T0);
        DoctorReport blind = DoctorReport.of(
                List.of(), List.of(CheckResult.notRun("wraparound-age", "timed out", null)), StatsVisibility.UNKNOWN);

        assertThat(plan(List.of(open), blind, T0.plusSeconds(60)).empty()).isTrue();
    }

    private static AlertPlan plan(List<OpenAlert> open, DoctorReport report, Instant now) {
        return AlertPlan.of(open, AlertConditions.of(report, DoctorSeverity.CRITICAL), report, now, REMIND);
    }
}
