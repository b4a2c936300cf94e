package dev.keel.change;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.util.List;

/**
 * Everything a change will do, planned before anything runs: what start adds, what complete and rollback do, and
 * what validating the file found. A dry run prints it; {@link ChangeExecutor} runs it.
 */
public record ChangePlan(
        String version,
        String schema,
        String newSchema,
        String previousSchema,
        List<Finding> findings,
        List<Action> start,
        List<Action> complete,
        List<Action> rollback) {

    public ChangePlan {
        findings = List.copyOf(findings);
        start = List.copyOf(start);
        complete = List.copyOf(complete);
        rollback = List.copyOf(rollback);
    }

    public boolean valid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<Action> start(Action.Kind kind) {
        return start.stream().filter(a -> a.kind() == kind).toList();
    }

    public List<Action> complete(Action.Kind kind) {
        return complete.stream().filter(a -> a.kind() == kind).toList();
    }

    public List<Action> rollback(Action.Kind kind) {
        return rollback.stream().filter(a -> a.kind() == kind).toList();
    }
}
