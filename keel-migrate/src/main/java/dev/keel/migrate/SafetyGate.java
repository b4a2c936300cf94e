package dev.keel.migrate;

import dev.keel.check.CatalogFacts;
import dev.keel.check.CheckInput;
import dev.keel.check.CheckMigrations;
import dev.keel.check.CheckPolicy;
import dev.keel.check.CheckReport;
import dev.keel.check.CheckSettings;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the static safety checks on the pending migrations before {@code migrate} applies any of
 * them: an error-level finding that no {@code -- keel:allow <rule> <reason>} comment waives stops
 * the run with nothing applied.
 */
final class SafetyGate {

    private SafetyGate() {}

    static void check(
            Connection c,
            List<MigrationExecutor.PreparedScript> prepared,
            boolean skip,
            CheckSettings config,
            MigrationListener listener)
            throws SQLException {
        List<MigrationScript> pending =
                prepared.stream().map(MigrationExecutor.PreparedScript::script).toList();
        if (pending.isEmpty()) {
            return;
        }
        if (skip) {
            listener.warn("--skip-checks: the safety checks did NOT run on " + pending.size() + " pending migration"
                    + (pending.size() == 1 ? "" : "s") + "; locks and rewrites they cause were not looked for");
            return;
        }
        List<CheckInput> inputs = prepared.stream()
                .filter(p -> p.script().type() != MigrationType.CHANGE)
                .map(p -> new CheckInput(p.script().script(), p.script().content(), p.statements()))
                .toList();
        CheckReport report = Checker.withAllRules(CheckMigrations.serverMajorVersion(c), CheckPolicy.of(config))
                .check(inputs, CatalogFacts.load(c));
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.WARNING) {
                listener.warn(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.rule() + ": " + f.message());
            }
        }
        List<Finding> errors = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            Finding first = errors.get(0);
            String more =
                    errors.size() > 1 ? " (and " + (errors.size() - 1) + " more: run keel check to see them all)" : "";
            throw new MigrationException(
                    MigrateError.SAFETY_CHECK_FAILED,
                    first.file() + ":" + first.line() + ":" + first.column() + ": " + first.rule() + ": "
                            + first.message() + more + "; nothing was applied",
                    first.fix() + "; or, if it is safe here, waive it with -- keel:allow " + first.rule()
                            + " <reason> above the statement");
        }
    }
}
