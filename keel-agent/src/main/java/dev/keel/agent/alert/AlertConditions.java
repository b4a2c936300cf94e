package dev.keel.agent.alert;

import dev.keel.backup.doctor.BackupTargets;
import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What in a doctor report alerts: each finding at least as severe as alerts.severity; every finding of backup-targets
 * (a missed backup or drill target is a promise broken, whatever its severity); and backup-targets not running, since
 * then nobody knows whether the backups keep their targets.
 */
public final class AlertConditions {

    private AlertConditions() {}

    /** By key; where two findings share one, the higher ranked (the report's order) stands for both. */
    public static Map<String, AlertCondition> of(DoctorReport report, DoctorSeverity minimum) {
        Map<String, AlertCondition> conditions = new LinkedHashMap<>();
        for (DoctorFinding f : report.findings()) {
            if (f.severity().compareTo(minimum) <= 0 || BackupTargets.ID.equals(f.check())) {
                String key = AlertKey.of(f);
                conditions.putIfAbsent(
                        key, new AlertCondition(key, f.severity(), f.check(), f.summary(), f.evidence(), f.runbook()));
            }
        }
        CheckResult targets = report.result(BackupTargets.ID);
        if (targets != null && !targets.ran()) {
            String key = AlertKey.notRun(BackupTargets.ID);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("reason", targets.reason());
            evidence.put("fix", targets.fix());
            conditions.put(
                    key,
                    new AlertCondition(
                            key,
                            DoctorSeverity.CRITICAL,
                            BackupTargets.ID,
                            "the backups could not be checked against backup.rpo and backup.rto: " + targets.reason(),
                            evidence,
                            DoctorFinding.runbookOf(BackupTargets.ID)));
        }
        return conditions;
    }

    /**
     * Whether the report cannot say if an open alert of {@code check} went away: the check did not run this time, so
     * its alerts stay open rather than being resolved on no evidence.
     */
    public static boolean unknown(DoctorReport report, String check, String key) {
        CheckResult result = report.result(check);
        return result != null && !result.ran() && !key.equals(AlertKey.notRun(check));
    }
}
