package dev.keel.check.rules;

import dev.keel.check.CreateIndex;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/** CREATE INDEX without CONCURRENTLY on a table that already exists blocks its writes for the whole build. */
public final class RequireConcurrentIndexCreation implements Rule {

    @Override
    public String id() {
        return "require-concurrent-index-creation";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        CreateIndex index = CreateIndex.of(c.statement()).orElse(null);
        if (index == null || index.concurrently() || !c.existing(index.table())) {
            return List.of();
        }
        return List.of(c.finding(this, "CREATE INDEX takes a SHARE lock on " + index.table()
                        + ": inserts, updates and deletes wait until the whole index is built",
                "CREATE INDEX CONCURRENTLY in a migration file of its own (keel runs it without a transaction)"));
    }
}
