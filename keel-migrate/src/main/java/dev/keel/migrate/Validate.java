package dev.keel.migrate;

import dev.keel.change.ChangeLint;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that disk and history agree (checksums, missing files, order, earlier failures) and that
 * every pending script can be split and run as written. Changes nothing.
 */
public final class Validate {

    private Validate() {}

    public static ValidateResult run(ConnectionSource source, MigrationSettings settings) {
        List<MigrationScript> scripts = settings.resolver().resolve();
        try (Connection c = source.open()) {
            MigrationPlan plan = MigrationPlan.of(scripts, settings.history().read(c), settings.outOfOrder(), null);
            List<ValidationProblem> problems = new ArrayList<>(plan.problems());
            for (MigrationScript script : plan.pending()) {
                if (script.type() == MigrationType.CHANGE) {
                    for (Finding f : ChangeLint.against(
                            c,
                            settings.schema(),
                            script.script(),
                            script.content(),
                            script.version().toString())) {
                        if (f.severity() == Severity.ERROR) {
                            problems.add(new ValidationProblem(
                                    ValidationProblem.Kind.INVALID_SCRIPT,
                                    script.label(),
                                    f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message(),
                                    f.fix()));
                        }
                    }
                    continue;
                }
                try {
                    MigrationExecutor.prepare(script);
                } catch (MigrationException e) {
                    problems.add(new ValidationProblem(
                            ValidationProblem.Kind.INVALID_SCRIPT, script.label(), e.what(), e.todo()));
                }
            }
            return new ValidateResult(
                    source.describe(), problems.isEmpty(), plan.pending().size(), problems);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_UNREADABLE,
                    "reading the migration history of " + source.describe() + " failed: " + e.getMessage(),
                    "check that the user may read " + settings.history().displayName(),
                    e);
        }
    }
}
