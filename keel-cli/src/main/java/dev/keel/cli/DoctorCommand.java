package dev.keel.cli;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.error.ExitCode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "doctor",
        description =
                "Check the database's health and name the principal constraint first: the finding with the largest impact,"
                        + " then the rest ranked, each with its evidence and runbook. Exits 1 when a finding is critical or a check could not run.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        // Every module on the class path contributes its checks: health, pending migrations, backup targets.
        DoctorReport report = cli.insight().doctor();
        if (cli.json()) {
            cli.printJson(report);
        } else {
            print(cli.out(), report);
        }
        // A check that could not run is no pass: exit 0 would tell a probe the database is healthy when nobody looked.
        return report.healthy() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    static void print(PrintStream out, DoctorReport report) {
        if (report.visibility().notice() != null) {
            out.println("Visibility: " + report.visibility().notice() + ".");
        }
        DoctorFinding principal = report.principal();
        List<CheckResult> notRun = report.notRun();
        if (principal == null) {
            if (notRun.isEmpty()) {
                out.println("No findings: all " + report.checks().size() + " checks passed ("
                        + String.join(", ", report.checks()) + ").");
            } else {
                out.println("No findings from the " + (report.checks().size() - notRun.size())
                        + " checks that ran, but " + notRun.size() + " of "
                        + report.checks().size() + " could not run: not an all clear.");
                printNotRun(out, notRun);
            }
            return;
        }
        out.println(
                "Principal constraint: " + sentence(principal.summary()) + " (runbook: " + principal.runbook() + ")");
        out.println("  impact: " + principal.impact());
        out.println();
        int rank = 0;
        for (DoctorFinding f : report.findings()) {
            rank++;
            out.printf(
                    Locale.ROOT,
                    "%2d. %-8s %5.1f  %-26s %s%n",
                    rank,
                    f.severity().label().toUpperCase(Locale.ROOT),
                    f.score(),
                    f.check(),
                    f.summary());
            out.println("      evidence: " + evidence(f.evidence()));
            if (f != principal) {
                out.println("      impact:   " + f.impact());
            }
            out.println("      runbook:  " + f.runbook());
            if (f.evidence().get("changeFile") instanceof String file) {
                // A proposed change file is what the reader acts on: whole, ready to copy, where a line would cut it.
                out.println("      change file:");
                file.lines().forEach(line -> out.println("        " + line));
            }
        }
        printNotRun(out, notRun);
        long critical =
                report.findings().stream().filter(DoctorFinding::critical).count();
        out.printf(
                "%d %s (%d critical) from %d checks%s.%n",
                report.findings().size(),
                report.findings().size() == 1 ? "finding" : "findings",
                critical,
                report.checks().size() - notRun.size(),
                notRun.isEmpty() ? "" : "; " + notRun.size() + " could not run");
    }

    private static void printNotRun(PrintStream out, List<CheckResult> notRun) {
        if (notRun.isEmpty()) {
            return;
        }
        out.println();
        out.println("Not run (this part of the database's health is unknown):");
        for (CheckResult r : notRun) {
            out.printf(Locale.ROOT, "    %-8s %-26s %s%n", "NOT RUN", r.check(), r.reason());
            if (r.fix() != null) {
                out.println("      fix:      " + r.fix());
            }
        }
    }

    private static String sentence(String summary) {
        // No capital letter: summaries often start with an identifier, and a changed case would name another object.
        return summary.endsWith(".") ? summary.substring(0, summary.length() - 1) : summary;
    }

    /** name=value pairs on one line; long text (queries, definitions) stays in --json. */
    private static String evidence(Map<String, Object> evidence) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String value = e.getValue().toString().strip().replaceAll("\\s+", " ");
            if (value.length() > 60) {
                value = value.substring(0, 59) + "…";
            }
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(e.getKey()).append('=').append(value);
        }
        return line.toString();
    }
}
