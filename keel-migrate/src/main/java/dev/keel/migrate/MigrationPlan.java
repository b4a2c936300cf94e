package dev.keel.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the scripts on disk with the history: what is pending, and what disagrees. Pure: no
 * database, so the rules are tested on their own.
 */
public record MigrationPlan(
        List<MigrationScript> pending,
        List<ValidationProblem> problems,
        MigrationVersion current,
        MigrationVersion baseline) {

    public static MigrationPlan of(
            List<MigrationScript> scripts,
            List<AppliedMigration> history,
            boolean outOfOrder,
            MigrationVersion target) {
        MigrationVersion baseline = history.stream()
                .filter(r -> r.type() == MigrationType.BASELINE)
                .map(AppliedMigration::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Map<MigrationVersion, AppliedMigration> applied = new HashMap<>();
        Map<String, AppliedMigration> repeatables = new HashMap<>();
        for (AppliedMigration row : history) {
            if (row.versionApplied()) {
                applied.put(row.version(), row);
            } else if (row.type() == MigrationType.REPEATABLE && row.success()) {
                repeatables.put(row.description(), row);
            }
        }
        MigrationVersion current = applied.values().stream()
                .filter(AppliedMigration::success)
                .map(AppliedMigration::version)
                .max(Comparator.naturalOrder())
                .orElse(baseline);
        if (baseline != null && current != null && baseline.compareTo(current) > 0) {
            current = baseline;
        }

        List<ValidationProblem> problems = new ArrayList<>();
        Map<MigrationVersion, MigrationScript> onDisk = new HashMap<>();
        scripts.stream().filter(s -> !s.repeatable()).forEach(s -> onDisk.put(s.version(), s));

        for (AppliedMigration row : history) {
            if (!row.versionApplied()) {
                continue;
            }
            if (!row.success()) {
                problems.add(new ValidationProblem(
                        ValidationProblem.Kind.FAILED_EARLIER,
                        row.label(),
                        row.label() + " (" + row.script() + ") failed on an earlier run and may be partly applied",
                        "inspect the database and undo what it left, then run keel repair to clear the failed row"));
                continue;
            }
            MigrationScript script = onDisk.get(row.version());
            if (script == null) {
                problems.add(new ValidationProblem(
                        ValidationProblem.Kind.MISSING_FILE,
                        row.label(),
                        row.label() + " (" + row.script() + ") was applied but is no longer among the migrations",
                        "restore the file, or run keel repair if it was removed on purpose"));
            } else if (row.checksum() != null && row.checksum() != script.checksum()) {
                problems.add(
                        new ValidationProblem(
                                ValidationProblem.Kind.CHECKSUM_CHANGED,
                                row.label(),
                                script.script() + " was changed after it was applied (checksum " + row.checksum()
                                        + " in history, " + script.checksum() + " on disk)",
                                "revert the change and put it in a new migration, or run keel repair if the change is only cosmetic"));
            }
        }

        List<MigrationScript> pending = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (script.repeatable()) {
                continue;
            }
            MigrationVersion v = script.version();
            if (applied.containsKey(v) || baseline != null && v.compareTo(baseline) <= 0) {
                continue;
            }
            if (target != null && v.compareTo(target) > 0) {
                continue;
            }
            if (current != null && v.compareTo(current) < 0 && !outOfOrder) {
                problems.add(new ValidationProblem(
                        ValidationProblem.Kind.OUT_OF_ORDER,
                        script.label(),
                        script.script() + " is pending but the database is already at version " + current,
                        "give it a version above " + current + ", or run migrate --out-of-order to apply it anyway"));
                continue;
            }
            pending.add(script);
        }
        // Repeatables (views, functions) build on the whole schema: a run that stops below the newest
        // version leaves them for the run that gets there.
        MigrationVersion newest = scripts.stream()
                .filter(s -> !s.repeatable())
                .map(MigrationScript::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
        boolean reachesNewest = target == null || newest == null || newest.compareTo(target) <= 0;
        for (MigrationScript script : scripts) {
            if (script.repeatable() && reachesNewest) {
                AppliedMigration last = repeatables.get(script.description());
                if (last == null || last.checksum() == null || last.checksum() != script.checksum()) {
                    pending.add(script);
                }
            }
        }
        return new MigrationPlan(List.copyOf(pending), List.copyOf(problems), current, baseline);
    }

    public Optional<ValidationProblem> firstProblem() {
        return problems.stream().findFirst();
    }
}
