package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * RENAME TO and SET SCHEMA are instant, but the application version still running finds the table
 * by its old name: its queries fail until the new version is deployed.
 */
public final class RenamingTable implements Rule {

    @Override
    public String id() {
        return "renaming-table";
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
        String table = alter.table();
        for (AlterTable.Action action : alter.actions()) {
            var t = action.tokens();
            if (action.startsWith("RENAME", "TO") && t.size() > 2) {
                String to = Names.of(t.get(2));
                findings.add(
                        c.finding(
                                this,
                                action.first(),
                                "renaming table " + table + " to " + to
                                        + " breaks the application version still running: its queries name " + table
                                        + " until it is replaced",
                                "rename it and, in the same migration, CREATE VIEW " + table + " AS SELECT * FROM " + to
                                        + " (a simple view takes reads and writes); drop the view once no deployed version uses the old name"));
            } else if (action.startsWith("SET", "SCHEMA") && t.size() > 2) {
                String schema = Names.of(t.get(2));
                findings.add(c.finding(
                        this,
                        action.first(),
                        "moving table " + table + " to schema " + schema
                                + " breaks the application version still running: its queries find " + table
                                + " where it was",
                        "move it and, in the same migration, CREATE VIEW " + table + " AS SELECT * FROM " + schema + "."
                                + Names.unqualified(table)
                                + " in the old schema; drop the view once no deployed version uses it"));
            }
        }
        return findings;
    }
}
