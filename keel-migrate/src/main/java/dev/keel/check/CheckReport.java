package dev.keel.check;

import java.util.List;

/**
 * Everything {@code keel check} found, what was waived (by a comment or by keel.yaml), and how keel.yaml
 * narrowed the run: {@code startAfter} (null when not set) and the files before it read only for the
 * schema ({@code skippedFiles}), and the rules excluded.
 */
public record CheckReport(
        int files,
        int statements,
        List<Finding> findings,
        List<Waived> waived,
        String startAfter,
        int skippedFiles,
        List<String> excluded) {

    public CheckReport {
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
        excluded = excluded == null ? List.of() : excluded.stream().sorted().toList();
    }

    public CheckReport(int files, int statements, List<Finding> findings, List<Waived> waived) {
        this(files, statements, findings, waived, null, 0, List.of());
    }

    /** The same report with other findings (e.g. the shadow database's added). */
    public CheckReport withFindings(List<Finding> all) {
        return new CheckReport(files, statements, all, waived, startAfter, skippedFiles, excluded);
    }

    /** The same report counting {@code count} more files: change files, checked apart from the SQL ones. */
    public CheckReport withChangeFiles(int count) {
        return new CheckReport(files + count, statements, findings, waived, startAfter, skippedFiles, excluded);
    }

    /**
     * A finding taken back, with the reason given: by a {@code -- keel:allow <rule> <reason>} comment,
     * or by keel.yaml's {@code check.waivers}.
     */
    public record Waived(Finding finding, String reason, String by) {
        public static final String BY_COMMENT = "comment";
        public static final String BY_CONFIG = "keel.yaml";

        public Waived(Finding finding, String reason) {
            this(finding, reason, BY_COMMENT);
        }
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}
