package dev.keel.agent.alert;

import dev.keel.backup.doctor.BackupTargets;
import dev.keel.doctor.DoctorFinding;
import java.util.List;

/**
 * The stable name of what a finding is about, so the same problem seen again a minute later is the same alert: its
 * check, then the object its evidence names. Summaries and figures change from one report to the next (an age, a
 * share), the object does not.
 */
public final class AlertKey {
    /** The evidence that names the object a finding is about, most specific first. */
    private static final List<String> SUBJECTS =
            List.of("index", "sequence", "slot", "table", "queryId", "rootPid", "pid", "database", "application");

    private AlertKey() {}

    public static String of(DoctorFinding finding) {
        if (BackupTargets.ID.equals(finding.check())) {
            return finding.check() + ":" + target(finding);
        }
        for (String name : SUBJECTS) {
            Object value = finding.evidence().get(name);
            if (value != null) {
                return finding.check() + ":" + name + "=" + value;
            }
        }
        // A check with one finding at most (connections, checkpoints): the check is the subject.
        return finding.check();
    }

    /** The key of a check that could not run. */
    public static String notRun(String check) {
        return check + ":not-run";
    }

    /**
     * Which of the declared targets a backup-targets finding says is missed. Its evidence names the backup or the
     * drill it looked at, which change with every backup and drill; the target does not.
     */
    static String target(DoctorFinding finding) {
        var evidence = finding.evidence();
        if (evidence.containsKey("newestBackup")) {
            return "rpo";
        }
        if (evidence.containsKey("repository")) {
            return "backup";
        }
        if (evidence.containsKey("drills") || Boolean.FALSE.equals(evidence.get("passed"))) {
            return "drill";
        }
        if (finding.summary().contains("backup.rto")) {
            return "rto";
        }
        return "drill-age";
    }
}
