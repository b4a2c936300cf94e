package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE … SET LOGGED / SET UNLOGGED (PostgreSQL 9.5 and later) rewrites the table into a new
 * file under ACCESS EXCLUSIVE; SET LOGGED also writes all of it to the WAL.
 */
public final class ChangingTablePersistence implements Rule {

    @Override
    public String id() {
        return "changing-table-persistence";
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
            if (action.startsWith("SET", "LOGGED")) {
                findings.add(c.finding(
                        this,
                        action.first(),
                        "SET LOGGED rewrites all of " + alter.table()
                                + " and writes every row to the WAL, under an ACCESS EXCLUSIVE lock",
                        "create a logged copy of the table, fill it in batches, and swap the names in a short transaction "
                                + "(or run SET LOGGED in a maintenance window)"));
            } else if (action.startsWith("SET", "UNLOGGED")) {
                findings.add(
                        c.finding(
                                this,
                                action.first(),
                                "SET UNLOGGED rewrites all of " + alter.table()
                                        + " under an ACCESS EXCLUSIVE lock, and afterwards a crash empties the table",
                                "keep the table logged; if unlogged data is really wanted, create a new UNLOGGED table and move rows in batches"));
            }
        }
        return findings;
    }
}
