package dev.keel.migrate;

import dev.keel.change.Action;
import dev.keel.change.ChangePlan;
import dev.keel.check.Finding;
import java.util.ArrayList;
import java.util.List;

/** A change's plan as lines for a dry run: the findings, then start, complete and rollback with their SQL. */
public final class ChangePlanText {

    private ChangePlanText() {}

    public static List<String> lines(ChangePlan plan) {
        List<String> lines = new ArrayList<>();
        for (Finding f : plan.findings()) {
            lines.add(f.file() + ":" + f.line() + ":" + f.column() + ": "
                    + f.severity().label() + ": " + f.message());
        }
        section(lines, "start (V" + plan.version() + ", views in " + plan.newSchema() + ")", plan.start());
        section(lines, "complete", plan.complete());
        section(lines, "rollback", plan.rollback());
        return lines;
    }

    private static void section(List<String> lines, String title, List<Action> actions) {
        lines.add(title + ":");
        for (Action a : actions) {
            lines.add("  [" + a.kind().name().toLowerCase() + "] " + a.description());
            if (a.sql() != null) {
                a.sql().lines().forEach(l -> lines.add("      " + l));
            }
        }
    }
}
