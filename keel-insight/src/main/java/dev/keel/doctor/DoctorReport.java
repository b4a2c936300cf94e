package dev.keel.doctor;

import dev.keel.stats.StatsVisibility;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code keel doctor} prints: the principal constraint first, then every finding ranked by
 * impact (highest first), and how each check went; {@code keel doctor --json} prints this record.
 *
 * @param principal the finding with the largest impact; null when nothing was found
 * @param checks the ids of every check the doctor has, run or not
 * @param results how each check went, in check order: passed, found or not-run (with why and the fix)
 * @param visibility whether the role saw every role's sessions and statements, and the grant when not
 */
public record DoctorReport(
        DoctorFinding principal,
        List<DoctorFinding> findings,
        List<String> checks,
        List<CheckResult> results,
        StatsVisibility visibility) {

    /** Highest score first; ties keep the more severe, then the check order. */
    static final Comparator<DoctorFinding> RANK =
            Comparator.comparingDouble(DoctorFinding::score).reversed().thenComparing(DoctorFinding::severity);

    public DoctorReport {
        findings = findings.stream().sorted(RANK).toList();
        principal = findings.isEmpty() ? null : findings.get(0);
        checks = List.copyOf(checks);
        results = List.copyOf(results);
        visibility = visibility == null ? StatsVisibility.UNKNOWN : visibility;
    }

    /** Every check ran. */
    public static DoctorReport of(List<DoctorFinding> findings, List<String> checks) {
        List<CheckResult> results = checks.stream()
                .map(id -> CheckResult.ran(id, (int)
                        findings.stream().filter(f -> f.check().equals(id)).count()))
                .toList();
        return new DoctorReport(null, findings, checks, results, null);
    }

    public static DoctorReport of(List<DoctorFinding> findings, List<CheckResult> results, StatsVisibility visibility) {
        return new DoctorReport(
                null, findings, results.stream().map(CheckResult::check).toList(), results, visibility);
    }

    public boolean hasCritical() {
        return findings.stream().anyMatch(DoctorFinding::critical);
    }

    /** The checks that could not run: what the report cannot vouch for. */
    public List<CheckResult> notRun() {
        return results.stream().filter(r -> !r.ran()).toList();
    }

    /** Nothing critical and every check ran: what exit code 0 means. */
    public boolean healthy() {
        return !hasCritical() && notRun().isEmpty();
    }

    public List<DoctorFinding> of(DoctorSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<DoctorFinding> byCheck(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    public CheckResult result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst().orElse(null);
    }
}
