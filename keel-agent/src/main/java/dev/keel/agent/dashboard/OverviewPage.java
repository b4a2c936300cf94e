package dev.keel.agent.dashboard;

import dev.keel.agent.jobs.StoredDoctorReport;
import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /}: the principal constraint first, then every finding with its severity, evidence and runbook, then the
 * checks that could not run, shown as unknown and never as passed; all from the leading agent's last doctor report.
 */
public final class OverviewPage extends DashboardPage {
    private final LatestDoctorReport doctor;
    private final Runbooks runbooks;

    public OverviewPage(LatestDoctorReport doctor, Runbooks runbooks, Clock clock) {
        super(clock);
        this.doctor = doctor;
        this.runbooks = runbooks;
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    protected String body(Map<String, String> query) {
        Optional<StoredDoctorReport> stored = doctor.get();
        if (stored.isEmpty()) {
            return "<p class=\"note\">No doctor report yet: the leading agent's doctor job records one on each run"
                    + " (every minute by default, schedule.doctor), and this page shows it. Run keel doctor to see one"
                    + " now.</p>\n";
        }
        DoctorReport report = stored.get().report();
        StringBuilder out = new StringBuilder();
        out.append("<p class=\"muted\">The doctor's report of ")
                .append(Html.escape(Layout.when(stored.get().at())))
                .append(", from ")
                .append(report.checks().size())
                .append(" checks, recorded by agent ")
                .append(Html.escape(stored.get().agent()))
                .append(".</p>\n");
        if (report.visibility().notice() != null) {
            out.append("<p class=\"note\">Visibility: ")
                    .append(Html.escape(report.visibility().notice()))
                    .append("</p>\n");
        }
        principal(out, report);
        findings(out, report);
        notRun(out, report.notRun());
        checks(out, report);
        return out.toString();
    }

    private static void principal(StringBuilder out, DoctorReport report) {
        DoctorFinding principal = report.principal();
        out.append("<section class=\"principal\">\n<h2>Principal constraint</h2>\n");
        if (principal != null) {
            out.append("<p class=\"summary\">")
                    .append(badge(principal))
                    .append(' ')
                    .append(Html.escape(principal.summary()))
                    .append("</p>\n<p>")
                    .append(Html.escape(principal.impact()))
                    .append("</p>\n");
        } else if (report.notRun().isEmpty()) {
            out.append("<p class=\"ok\">No findings: all ")
                    .append(report.checks().size())
                    .append(" checks passed.</p>\n");
        } else {
            out.append("<p class=\"unknown\">No findings from the ")
                    .append(report.checks().size() - report.notRun().size())
                    .append(" checks that ran, but ")
                    .append(report.notRun().size())
                    .append(" could not run: not an all clear.</p>\n");
        }
        out.append("</section>\n");
    }

    private void findings(StringBuilder out, DoctorReport report) {
        if (report.findings().isEmpty()) {
            return;
        }
        out.append("<h2>Findings</h2>\n");
        int rank = 0;
        for (DoctorFinding f : report.findings()) {
            rank++;
            out.append("<article class=\"finding ")
                    .append(Html.escape(f.severity().label()))
                    .append("\" id=\"finding-")
                    .append(rank)
                    .append("\">\n<h3>")
                    .append(rank)
                    .append(". ")
                    .append(badge(f))
                    .append(' ')
                    .append(Html.escape(f.check()))
                    .append(" <span class=\"score\">")
                    .append(Html.escape(String.format(Locale.ROOT, "score %.1f", f.score())))
                    .append("</span></h3>\n<p class=\"summary\">")
                    .append(Html.escape(f.summary()))
                    .append("</p>\n<p class=\"impact\">")
                    .append(Html.escape(f.impact()))
                    .append("</p>\n");
            evidence(out, f.evidence());
            runbook(out, f);
            out.append("</article>\n");
        }
    }

    private static void evidence(StringBuilder out, Map<String, Object> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        out.append("<table class=\"evidence\">\n<caption>Evidence</caption>\n");
        evidence.forEach((name, value) -> out.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(
                        value == null
                                ? "<span class=\"muted\">unknown</span>"
                                : "<code>" + Html.escape(value) + "</code>")
                .append("</td></tr>\n"));
        out.append("</table>\n");
    }

    private void runbook(StringBuilder out, DoctorFinding f) {
        out.append("<details class=\"runbook\"><summary>Runbook: ")
                .append(Html.escape(f.runbook()))
                .append("</summary>\n");
        out.append(runbooks.html(f.check()).orElse("<p class=\"muted\">No runbook is bundled for this check.</p>\n"));
        out.append("</details>\n");
    }

    private static void notRun(StringBuilder out, List<CheckResult> notRun) {
        if (notRun.isEmpty()) {
            return;
        }
        out.append(
                        "<h2>Not run</h2>\n<p>These checks could not run: this part of the database's health is unknown.</p>\n")
                .append("<table>\n<tr><th>Check</th><th>Status</th><th>Why</th><th>Fix</th></tr>\n");
        for (CheckResult r : notRun) {
            out.append("<tr class=\"not-run\"><td>")
                    .append(Html.escape(r.check()))
                    .append("</td><td><span class=\"badge unknown\">not run</span></td><td>")
                    .append(Html.escape(r.reason()))
                    .append("</td><td>")
                    .append(r.fix() == null ? "" : "<code>" + Html.escape(r.fix()) + "</code>")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void checks(StringBuilder out, DoctorReport report) {
        out.append("<h2>Checks</h2>\n<ul class=\"checks\">\n");
        for (CheckResult r : report.results()) {
            String status = r.status().label();
            out.append("<li class=\"")
                    .append(Html.escape(status))
                    .append("\">")
                    .append(Html.escape(r.check()))
                    .append(": ")
                    .append(Html.escape(status.equals("not-run") ? "not run" : status))
                    .append(r.findings() > 0 ? " (" + r.findings() + ")" : "")
                    .append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static String badge(DoctorFinding f) {
        String label = f.severity().label();
        return "<span class=\"badge " + Html.escape(label) + "\">" + Html.escape(label) + "</span>";
    }
}
