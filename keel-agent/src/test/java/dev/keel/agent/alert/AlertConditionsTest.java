package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.stats.StatsVisibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertConditionsTest {

    @Test
    void criticalFindingsAlertAndWarningsDoNotByDefault() {
        var conditions = AlertConditions.of(
                Findings.report(Findings.wraparound(1_500_000_000L), Findings.invalidIndex("public.i")),
                DoctorSeverity.CRITICAL);

        assertThat(conditions).containsOnlyKeys("wraparound-age:database=shop");
        assertThat(conditions.get("wraparound-age:database=shop")).satisfies(c -> {
            assertThat(c.severity()).isEqualTo(DoctorSeverity.CRITICAL);
            assertThat(c.check()).isEqualTo("wraparound-age");
            assertThat(c.runbook()).isEqualTo("docs/runbooks/wraparound-age.md");
            assertThat(c.evidence()).containsEntry("age", 1_500_000_000L);
        });
    }

    @Test
    void aLowerLeastSeverityLetsWarningsAlert() {
        var conditions = AlertConditions.of(
                Findings.report(Findings.wraparound(1_500_000_000L), Findings.invalidIndex("public.i")),
                DoctorSeverity.WARNING);

        assertThat(conditions).containsOnlyKeys("wraparound-age:database=shop", "invalid-indexes:index=public.i");
    }

    @Test
    void aMissedBackupOrDrillTargetAlertsWhateverItsSeverity() {
        var conditions = AlertConditions.of(
                Findings.report(AlertKeyTest.backupTarget("no restore drill is recorded", Map.of("drills", 0))),
                DoctorSeverity.CRITICAL);

        assertThat(conditions).containsOnlyKeys("backup-targets:drill");
    }

    @Test
    void backupTargetsThatCouldNotRunAlertAsCritical() {
        DoctorReport report = DoctorReport.of(
                List.of(),
                List.of(
                        CheckResult.ran("wraparound-age", 0),
                        CheckResult.notRun("backup-targets", "the repository s3://b/r cannot be read", null)),
                StatsVisibility.UNKNOWN);

        var conditions = AlertConditions.of(report, DoctorSeverity.CRITICAL);

        assertThat(conditions).containsOnlyKeys("backup-targets:not-run");
        assertThat(conditions.get("backup-targets:not-run").severity()).isEqualTo(DoctorSeverity.CRITICAL);
        assertThat(conditions.get("backup-targets:not-run").summary()).contains("cannot be read");
        assertThat(AlertConditions.unknown(report, "backup-targets", "backup-targets:rpo"))
                .isTrue();
        assertThat(AlertConditions.unknown(report, "backup-targets", "backup-targets:not-run"))
                .isFalse();
        assertThat(AlertConditions.unknown(report, "wraparound-age", "wraparound-age:database=shop"))
                .isFalse();
    }

    @Test
    void otherChecksThatCouldNotRunDoNotAlert() {
        DoctorReport report = DoctorReport.of(
                List.of(),
                List.of(CheckResult.notRun("long-transactions", "needs pg_read_all_stats", "GRANT pg_read_all_stats")),
                StatsVisibility.UNKNOWN);

        assertThat(AlertConditions.of(report, DoctorSeverity.INFO)).isEmpty();
    }
}
