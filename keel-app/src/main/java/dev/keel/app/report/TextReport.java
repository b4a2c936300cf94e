package dev.keel.app.report;

import dev.keel.check.CheckReport;
import dev.keel.check.Finding;

/** For people at a terminal: file:line:column, the line with a caret, the rule, the why and the fix. */
public final class TextReport {

    private TextReport() {}

    public static String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            out.append(f.file())
                    .append(':')
                    .append(f.line())
                    .append(':')
                    .append(f.column())
                    .append(": ")
                    .append(f.severity().label())
                    .append(' ')
                    .append(f.rule())
                    .append(": ")
                    .append(f.message())
                    .append('\n');
            if (f.excerpt() != null && !f.excerpt().isBlank()) {
                out.append("    ").append(f.excerpt()).append('\n');
                out.append("    ")
                        .append(" ".repeat(Math.max(0, f.column() - 1)))
                        .append("^\n");
            }
            out.append("  fix: ").append(f.fix()).append('\n');
            out.append("  see: ").append(RulePage.of(f)).append("\n\n");
        }
        for (CheckReport.Waived w : report.waived()) {
            Finding f = w.finding();
            out.append(f.file())
                    .append(':')
                    .append(f.line())
                    .append(": waived ")
                    .append(f.rule())
                    .append(w.by().equals(CheckReport.Waived.BY_CONFIG) ? " (keel.yaml)" : "")
                    .append(": ")
                    .append(w.reason())
                    .append('\n');
        }
        for (String note : PolicyNotes.all(report)) {
            out.append(note).append('\n');
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    public static String summary(CheckReport report) {
        return report.files() + " file" + (report.files() == 1 ? "" : "s") + ", " + report.statements()
                + " statements: "
                + report.errors() + " error" + (report.errors() == 1 ? "" : "s") + ", " + report.warnings() + " warning"
                + (report.warnings() == 1 ? "" : "s")
                + (report.waived().isEmpty() ? "" : ", " + report.waived().size() + " waived") + ".";
    }
}
