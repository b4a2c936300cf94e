package dev.keel.app.report;

import dev.keel.check.CheckReport;
import dev.keel.check.Finding;
import dev.keel.check.Severity;

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
public final class GithubReport {

    private GithubReport() {}

    public static String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            out.append(f.severity() == Severity.ERROR ? "::error " : "::warning ")
                    .append("file=")
                    .append(property(f.file()))
                    .append(",line=")
                    .append(f.line())
                    .append(",col=")
                    .append(f.column())
                    .append(",title=")
                    .append(property("keel " + f.rule()))
                    .append("::")
                    .append(data(f.message() + "\nFix: " + f.fix()))
                    .append('\n');
        }
        // A notice without a file shows in the run's summary: what the annotations above do not cover.
        for (String note : PolicyNotes.all(report)) {
            out.append("::notice title=keel check::").append(data(note)).append('\n');
        }
        return out.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
