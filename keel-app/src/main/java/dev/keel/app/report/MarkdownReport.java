package dev.keel.app.report;

import dev.keel.check.CheckReport;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.util.Map;
import java.util.TreeMap;

/** A pull-request comment: a summary table by rule, then each finding with its fix. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(CheckReport report) {
        StringBuilder out = new StringBuilder("## keel check\n\n");
        out.append(
                        report.errors() == 0
                                ? "No error-level findings. "
                                : "**" + report.errors() + " error-level finding" + (report.errors() == 1 ? "" : "s")
                                        + " block this migration.** ")
                .append(TextReport.summary(report))
                .append("\n\n");
        for (String note : PolicyNotes.all(report)) {
            out.append("_")
                    .append(Character.toUpperCase(note.charAt(0)))
                    .append(note.substring(1))
                    .append("._\n\n");
        }
        if (report.findings().isEmpty()) {
            return out.toString();
        }
        Map<String, long[]> byRule = new TreeMap<>();
        Map<String, String> pages = new TreeMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.rule(), r -> new long[2])[f.severity() == Severity.ERROR ? 0 : 1]++;
            pages.putIfAbsent(f.rule(), RulePage.of(f));
        }
        out.append("| rule | errors | warnings |\n| --- | ---: | ---: |\n");
        byRule.forEach((rule, n) -> out.append("| [")
                .append(rule)
                .append("](")
                .append(pages.get(rule))
                .append(") | ")
                .append(n[0])
                .append(" | ")
                .append(n[1])
                .append(" |\n"));
        out.append('\n');
        for (Finding f : report.findings()) {
            out.append("### ")
                    .append(f.severity() == Severity.ERROR ? "Error" : "Warning")
                    .append(": `")
                    .append(f.rule())
                    .append("` in `")
                    .append(f.file())
                    .append(':')
                    .append(f.line())
                    .append("`\n\n");
            if (f.excerpt() != null && !f.excerpt().isBlank()) {
                out.append("```sql\n").append(f.excerpt().strip()).append("\n```\n\n");
            }
            out.append(f.message()).append("\n\n**Fix:** ").append(f.fix()).append("\n\n");
        }
        return out.toString();
    }
}
