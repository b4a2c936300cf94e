package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/**
 * CREATE TRIGGER (SHARE ROW EXCLUSIVE) or CREATE RULE (ACCESS EXCLUSIVE) on an existing table: the
 * statement waits for and blocks writes, and from then on every write to the table runs the new code.
 */
public final class AddingTriggerOrRule implements Rule {

    @Override
    public String id() {
        return "adding-trigger-or-rule";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("CREATE")) {
            return List.of();
        }
        TableLocks.Lock lock = TableLocks.of(c.statement()).stream()
                .filter(l -> l.verb().equals("CREATE TRIGGER") || l.verb().equals("CREATE RULE"))
                .findFirst()
                .orElse(null);
        if (lock == null || !c.existing(lock.table())) {
            return List.of();
        }
        String what = lock.verb().equals("CREATE TRIGGER") ? "trigger" : "rule";
        return List.of(
                c.finding(
                        this,
                        lock.verb() + " takes " + TableLocks.withArticle(lock.mode()) + " lock on " + lock.table()
                                + ", blocking "
                                + TableLocks.blocks(lock.mode())
                                + " while it waits and runs, and from then on every write to " + lock.table()
                                + " also runs the " + what,
                        "create the " + what
                                + " in a migration file of its own, keep its work small, and make sure the application expects it"));
    }
}
