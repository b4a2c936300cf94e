package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ADD … EXCLUDE builds its index and checks every row under ACCESS EXCLUSIVE. Unlike CHECK or
 * FOREIGN KEY it has no NOT VALID form, and unlike UNIQUE it cannot adopt an index built
 * concurrently, so there is no cheap way to add one to a table in use.
 */
public final class AddingExclusionConstraint implements Rule {

    @Override
    public String id() {
        return "adding-exclusion-constraint";
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
            int i = action.startsWith("ADD", "CONSTRAINT") ? 3 : 1;
            if (!action.startsWith("ADD")
                    || i >= action.tokens().size()
                    || !action.tokens().get(i).isWord("EXCLUDE")) {
                continue;
            }
            findings.add(c.finding(
                    this,
                    action.first(),
                    "adding an EXCLUDE constraint to " + alter.table()
                            + " builds its index and checks every row while holding an ACCESS EXCLUSIVE lock: reads and writes wait"
                            + " throughout",
                    "there is no NOT VALID or USING INDEX for EXCLUDE: declare it when the table is created, or build a new table"
                            + " with it and move the rows over; on a small table, waive it with -- keel:allow adding-exclusion-constraint"
                            + " <why>"));
        }
        return findings;
    }
}
