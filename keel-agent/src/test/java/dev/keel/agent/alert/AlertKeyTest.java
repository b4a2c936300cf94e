package dev.keel.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertKeyTest {

    @Test
    void theSameObjectSeenWithOtherFiguresKeepsItsKey() {
        assertThat(AlertKey.of(Findings.wraparound(1_500_000_000L)))
                .isEqualTo(AlertKey.of(Findings.wraparound(1_600_000_000L)))
                .isEqualTo("wraparound-age:database=shop");
    }

    @Test
    void theMostSpecificObjectNamesTheKey() {
        assertThat(AlertKey.of(Findings.invalidIndex("public.users_email")))
                .isEqualTo("invalid-indexes:index=public.users_email");
        assertThat(AlertKey.of(Findings.invalidIndex("public.users_name")))
                .isNotEqualTo(AlertKey.of(Findings.invalidIndex("public.users_email")));
    }

    @Test
    void aCheckWithoutAnObjectIsItsOwnKey() {
        DoctorFinding saturation = new DoctorFinding(
                "connection-saturation",
                DoctorSeverity.CRITICAL,
                "95 of 100 connections are used",
                Map.of("used", 95),
                80,
                "new connections fail",
                DoctorFinding.runbookOf("connection-saturation"));
        assertThat(AlertKey.of(saturation)).isEqualTo("connection-saturation");
    }

    @Test
    void aBackupTargetFindingIsKeyedByTheTargetNotByTheBackupOrDrillItNames() {
        assertThat(AlertKey.of(backupTarget("holds no complete backup", Map.of("repository", "file:/r"))))
                .isEqualTo("backup-targets:backup");
        assertThat(AlertKey.of(backupTarget("beyond backup.rpo 1h", Map.of("newestBackup", "20261203T1000F"))))
                .isEqualTo(AlertKey.of(backupTarget("beyond backup.rpo 1h", Map.of("newestBackup", "20261203T1100F"))))
                .isEqualTo("backup-targets:rpo");
        assertThat(AlertKey.of(backupTarget("no restore drill is recorded", Map.of("drills", 0))))
                .isEqualTo("backup-targets:drill");
        assertThat(AlertKey.of(backupTarget("the last restore drill (d1) failed", drill("d1", false))))
                .isEqualTo("backup-targets:drill");
        assertThat(AlertKey.of(backupTarget("took 2h to accept queries, beyond backup.rto 1h", drill("d2", true))))
                .isEqualTo("backup-targets:rto");
        assertThat(AlertKey.of(backupTarget("the last restore drill ran 9d ago", drill("d3", true))))
                .isEqualTo("backup-targets:drill-age");
        assertThat(AlertKey.notRun("backup-targets")).isEqualTo("backup-targets:not-run");
    }

    private static Map<String, Object> drill(String id, boolean passed) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("drill", id);
        evidence.put("passed", passed);
        return evidence;
    }

    static DoctorFinding backupTarget(String summary, Map<String, Object> evidence) {
        return new DoctorFinding(
                "backup-targets",
                DoctorSeverity.WARNING,
                summary,
                evidence,
                50,
                "a restore would lose work",
                DoctorFinding.runbookOf("backup-targets"));
    }
}
