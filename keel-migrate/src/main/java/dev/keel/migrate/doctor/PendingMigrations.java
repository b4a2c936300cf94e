package dev.keel.migrate.doctor;

import dev.keel.check.CatalogFacts;
import dev.keel.check.CheckMigrations;
import dev.keel.check.CheckPolicy;
import dev.keel.check.CheckReport;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.MigrationPlan;
import dev.keel.migrate.MigrationSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's migrations against the database: a failed migration leaves a schema nobody planned
 * (and migrate refuses to go on until it is repaired); pending ones mean the database is behind the
 * code that is about to run on it, and an error-level check finding among them is the next outage
 * waiting for its deploy.
 */
public record PendingMigrations(MigrationSettings settings) implements DoctorCheck {
    public static final String ID = "pending-migrations";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<AppliedMigration> history = settings.history().read(context.connection());
        List<DoctorFinding> findings = new ArrayList<>();
        List<AppliedMigration> failed =
                history.stream().filter(a -> !a.success()).toList();
        if (!failed.isEmpty()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("failed", failed.stream().map(AppliedMigration::script).toList());
            findings.add(finding(
                    DoctorSeverity.CRITICAL,
                    1.0,
                    failed.size() + " migration" + (failed.size() == 1 ? "" : "s") + " failed part-way ("
                            + failed.get(0).script()
                            + "): the schema is in a state no migration describes, and keel migrate refuses to go on",
                    evidence,
                    "every deploy that needs a newer schema is blocked until the failed migration is finished by hand or undone,"
                            + " then recorded with keel repair"));
        }
        MigrationPlan plan = MigrationPlan.of(settings.resolver().resolve(), history, true, null);
        if (plan.pending().isEmpty()) {
            return findings;
        }
        // The same policy as keel check and migrate's gate: a finding keel.yaml waives or excludes blocks no deploy.
        CheckReport report = Checker.withAllRules(
                        CheckMigrations.serverMajorVersion(context.connection()), CheckPolicy.of(settings.check()))
                .check(CheckMigrations.inputs(plan.pending()), CatalogFacts.load(context.connection()));
        List<Finding> errors = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("pending", plan.pending().size());
        evidence.put("first", plan.pending().get(0).script());
        evidence.put("errorFindings", errors.size());
        evidence.put("warningFindings", report.warnings());
        evidence.put("waivedFindings", report.waived().size());
        if (!errors.isEmpty()) {
            Finding first = errors.get(0);
            evidence.put("firstFinding", first.file() + ":" + first.line() + " " + first.rule());
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    Impact.between(errors.size(), 0, 5),
                    plan.pending().size() + " pending migration"
                            + (plan.pending().size() == 1 ? "" : "s") + " with " + errors.size()
                            + " error-level check finding"
                            + (errors.size() == 1 ? "" : "s") + ", first " + first.rule() + " in " + first.file() + ":"
                            + first.line(),
                    evidence,
                    "as written: " + first.message() + "; keel migrate refuses it until it is fixed or waived"));
        } else {
            findings.add(finding(
                    DoctorSeverity.INFO,
                    Impact.between(plan.pending().size(), 0, 20),
                    plan.pending().size() + " migration" + (plan.pending().size() == 1 ? " is" : "s are")
                            + " pending, starting with " + plan.pending().get(0).script(),
                    evidence,
                    "the database is behind the project's code; the checks found nothing that would block writes"));
        }
        return findings;
    }
}
