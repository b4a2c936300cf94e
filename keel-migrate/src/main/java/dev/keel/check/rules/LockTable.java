package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.LockMode;
import java.util.List;

/**
 * LOCK TABLE takes a lock explicitly and keeps it until the transaction ends: in a migration, that is
 * until the whole file is done. Locking a table the migrations created is harmless.
 */
public final class LockTable implements Rule {

    @Override
    public String id() {
        return "lock-table";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("LOCK")) {
            return List.of();
        }
        List<String> existing = TableLocks.of(c.statement()).stream()
                .map(TableLocks.Lock::table)
                .filter(c::existing)
                .toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        LockMode mode = TableLocks.lockTableMode(c.tokens());
        return List.of(c.finding(
                this,
                "LOCK TABLE takes " + mode.readable() + " on " + String.join(", ", existing)
                        + " and holds it until the migration commits: until then it blocks " + TableLocks.blocks(mode)
                        + " from other sessions",
                "remove the LOCK: each statement takes the lock it needs; if the lock is really needed, keep it as late and as weak as possible "
                        + "and the file short"));
    }
}
