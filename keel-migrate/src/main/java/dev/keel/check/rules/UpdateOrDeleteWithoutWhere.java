package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.List;

/**
 * UPDATE or DELETE without WHERE on an existing table: a backfill (or purge) of every row inside the
 * migration. Each changed row stays locked until the migration commits, and each leaves a dead row
 * version behind for VACUUM.
 */
public final class UpdateOrDeleteWithoutWhere implements Rule {

    @Override
    public String id() {
        return "update-or-delete-without-where";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        DataChange change = DataChange.of(c.statement()).orElse(null);
        if (change == null || change.verb().equals("INSERT") || change.hasWhere() || !c.existing(change.table())) {
            return List.of();
        }
        String what = change.verb().equals("UPDATE") ? "changes" : "deletes";
        return List.of(c.finding(
                this,
                change.at(),
                change.verb() + " without WHERE " + what + " every row of " + change.table()
                        + " inside the migration: each row stays locked until the migration commits, and each leaves a dead copy that bloats the"
                        + " table",
                "backfill in batches outside the migration (" + change.verb()
                        + " … WHERE id BETWEEN … per batch, committing each), then let VACUUM catch up"));
    }
}
