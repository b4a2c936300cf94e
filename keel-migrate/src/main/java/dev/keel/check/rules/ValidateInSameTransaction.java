package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * ADD CONSTRAINT … NOT VALID followed by VALIDATE CONSTRAINT in the same transactional file. The
 * lock the ADD took (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign
 * key) is still held when the validation scans the table, so NOT VALID bought nothing.
 */
public final class ValidateInSameTransaction implements Rule {

    @Override
    public String id() {
        return "validate-in-same-transaction";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (!c.transactional() || alter == null || !c.existing(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            if (!action.startsWith("VALIDATE", "CONSTRAINT") || action.tokens().size() < 3) {
                continue;
            }
            String constraint = Names.of(action.tokens().get(2));
            for (SqlStatement earlier : c.earlier()) {
                AlterTable.Action added = addedNotValid(earlier, alter.table(), constraint);
                if (added != null) {
                    boolean foreignKey = added.contains("FOREIGN") || added.contains("REFERENCES");
                    String lock = foreignKey
                            ? "SHARE ROW EXCLUSIVE lock on both tables"
                            : "ACCESS EXCLUSIVE lock on " + alter.table();
                    findings.add(c.finding(
                            this,
                            action.first(),
                            constraint + " was added NOT VALID at line " + earlier.line()
                                    + " of this file, so the validation scans " + alter.table() + " while the ADD's "
                                    + lock
                                    + " is still held: NOT VALID gains nothing",
                            "VALIDATE CONSTRAINT " + constraint
                                    + " in a later migration file, so the ADD commits and releases its lock first"));
                    break;
                }
            }
        }
        return findings;
    }

    /** The ADD CONSTRAINT name … NOT VALID action of an ALTER TABLE on the same table, or null. */
    private static AlterTable.Action addedNotValid(SqlStatement statement, String table, String constraint) {
        AlterTable alter = AlterTable.of(statement).orElse(null);
        if (alter == null || !Names.unqualified(alter.table()).equals(Names.unqualified(table))) {
            return null;
        }
        for (AlterTable.Action action : alter.actions()) {
            if (action.startsWith("ADD", "CONSTRAINT")
                    && action.tokens().size() > 2
                    && constraint != null
                    && constraint.equals(Names.of(action.tokens().get(2)))
                    && action.contains("NOT")
                    && action.contains("VALID")) {
                return action;
            }
        }
        return null;
    }
}
