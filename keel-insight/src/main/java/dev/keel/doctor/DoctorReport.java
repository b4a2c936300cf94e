package dev.keel.doctor;

import java.util.Comparator;
import java.util.List;

/**
 * What {@code keel doctor} prints: the principal constraint first, then every finding ranked by
 * impact (highest first); {@code keel doctor --json} prints this record.
 *
 * @param principal the finding with the largest impact; null when nothing was found
 * @param checks the ids of the checks that ran, so a reader knows what "no findings" covers
 */
public record DoctorReport(DoctorFinding principal, List<DoctorFinding> findings, List<String> checks) {

    /** Highest score first; ties keep the more severe, then the check order. */
    static final Comparator<DoctorFinding> RANK = Comparator.comparingDouble(DoctorFinding::score).reversed()
            .thenComparing(DoctorFinding::severity);

    public DoctorReport {
        findings = findings.stream().sorted(RANK).toList();
        principal = findings.isEmpty() ? null : findings.get(0);
        checks = List.copyOf(checks);
    }

    public static DoctorReport of(List<DoctorFinding> findings, List<String> checks) {
        return new DoctorReport(null, findings, checks);
    }

    public boolean hasCritical() {
        return findings.stream().anyMatch(DoctorFinding::critical);
    }

    public List<DoctorFinding> of(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<DoctorFinding> byCheck(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }
}
