package dev.keel.check;

import java.util.List;

/** Everything {@code keel check} found, and what comments waived. */
public record CheckReport(int files, int statements, List<Finding> findings, List<Waived> waived) {

    public CheckReport {
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
    }

    /** A finding a {@code -- keel:allow <rule> <reason>} comment took back, with the reason given. */
    public record Waived(Finding finding, String reason) {
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}
