package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ADD CONSTRAINT … CHECK / FOREIGN KEY without NOT VALID scans the whole table while holding a lock
 * that blocks writes (and, for a foreign key, writes to the referenced table too).
 */
public final class ConstraintMissingNotValid implements Rule {

    @Override
    public String id() {
        return "constraint-missing-not-valid";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null || !c.existing(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            if (!action.startsWith("ADD") || action.addedColumnAt() >= 0 || action.contains("VALID") && action.contains("NOT")) {
                continue;
            }
            boolean check = action.contains("CHECK");
            boolean foreignKey = action.contains("FOREIGN") || action.contains("REFERENCES");
            if (check || foreignKey) {
                String kind = foreignKey ? "FOREIGN KEY" : "CHECK";
                findings.add(c.finding(this, action.first(), "adding a " + kind + " constraint to " + alter.table()
                                + " validates every row while holding a lock that blocks writes"
                                + (foreignKey ? " to both tables" : ""),
                        "ADD the constraint … NOT VALID, then VALIDATE CONSTRAINT in a later migration (it takes a lock that lets writes through)"));
            }
        }
        return findings;
    }
}
