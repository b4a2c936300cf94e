package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlStatement;
import java.util.List;

/**
 * Two ALTER TABLE statements on the same existing table in one transactional file, both taking
 * ACCESS EXCLUSIVE. The lock taken by the first is held through everything in between, and each
 * statement makes its own pass (scan or rewrite) over the table; one ALTER TABLE with all the actions
 * takes the lock once and makes at most one pass.
 */
public final class MultipleAlterTable implements Rule {

    @Override
    public String id() {
        return "multiple-alter-table";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (!c.transactional() || alter == null || !c.existing(alter.table()) || !takesAccessExclusive(alter)) {
            return List.of();
        }
        for (SqlStatement earlier : c.earlier()) {
            AlterTable previous = AlterTable.of(earlier).orElse(null);
            if (previous != null && sameTable(previous.table(), alter.table()) && takesAccessExclusive(previous)) {
                return List.of(c.finding(this, alter.table() + " was already altered at line " + earlier.line()
                                + ": its ACCESS EXCLUSIVE lock is held until this file commits, and each ALTER TABLE makes its own pass over the table",
                        "combine the actions into one statement: ALTER TABLE " + alter.table() + " <action>, <action>; (one lock, at most one rewrite)"));
            }
        }
        return List.of();
    }

    private static boolean takesAccessExclusive(AlterTable alter) {
        return alter.actions().stream().anyMatch(a -> TableLocks.mode(a) == LockMode.ACCESS_EXCLUSIVE);
    }

    private static boolean sameTable(String a, String b) {
        return Names.unqualified(a).equals(Names.unqualified(b));
    }
}
