package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * A full-table UPDATE or DELETE (no WHERE) after a schema change that took ACCESS EXCLUSIVE on the same
 * table in the same transaction: every read and write of the table waits until the data change has
 * gone through every row and the file commits. An error when the target estimates at least as many
 * rows as the shadow analysis's row limit ({@value ShadowOptions#DEFAULT_ROW_LIMIT}); a warning below
 * it or when the count is unknown.
 */
public final class FullTableDmlUnderLock implements Rule {

    @Override
    public String id() {
        return "full-table-dml-under-lock";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.transactional()) {
            return List.of();
        }
        DataChange change = DataChange.of(c.statement())
                .filter(d -> !d.verb().equals("INSERT") && !d.hasWhere() && c.existing(d.table()))
                .orElse(null);
        if (change == null) {
            return List.of();
        }
        for (SqlStatement earlier : c.earlier()) {
            Optional<TableLocks.Lock> lock = TableLocks.of(earlier).stream()
                    .filter(l -> l.mode() == LockMode.ACCESS_EXCLUSIVE && same(l.table(), change.table()))
                    .findFirst();
            if (lock.isPresent()) {
                long rows = c.schema().rowEstimate(change.table());
                boolean large = rows >= ShadowOptions.DEFAULT_ROW_LIMIT;
                String size = rows < 0 ? "an unknown number of rows" : "~" + rows + " rows";
                Severity severity = large ? Severity.ERROR : Severity.WARNING;
                return List.of(c.finding(
                        this,
                        severity,
                        change.at(),
                        "this " + change.verb() + " goes through every row of "
                                + change.table() + " (" + size + " on the target) while the ACCESS EXCLUSIVE lock "
                                + lock.get().verb()
                                + " took at line " + earlier.line() + " is held: every read and write of "
                                + change.table()
                                + " waits until it is done and the file commits",
                        "move the " + change.verb() + " to a migration file of its own after this one,"
                                + " or better to batches outside the migrations"));
            }
        }
        return List.of();
    }

    private static boolean same(String a, String b) {
        return Names.unqualified(a).equals(Names.unqualified(b));
    }
}
