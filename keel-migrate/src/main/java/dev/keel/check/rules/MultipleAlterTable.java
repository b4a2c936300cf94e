package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.ColumnType;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;

/**
 * Two ALTER TABLE statements on the same existing table in one transactional file, both taking
 * ACCESS EXCLUSIVE. The lock taken by the first is held through everything in between, and each
 * statement that needs a pass (scan or rewrite) over the table makes its own; one ALTER TABLE with all the
 * actions takes the lock once and makes at most one pass. Statements that only change the catalog (a
 * nullable ADD COLUMN without a volatile default, DROP COLUMN, RENAME, SET DEFAULT …) make no pass, and
 * the finding does not claim one.
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
                boolean passes = makesPass(c, alter) && makesPass(c, previous);
                String consequence = passes
                        ? ", and each ALTER TABLE makes its own pass over the table"
                        : ", so reads and writes of " + alter.table() + " wait through everything in between"
                                + " (these statements only change the catalog: they make no pass over the table)";
                return List.of(c.finding(
                        this,
                        alter.table() + " was already altered at line " + earlier.line()
                                + ": its ACCESS EXCLUSIVE lock is held until this file commits" + consequence,
                        "combine the actions into one statement: ALTER TABLE " + alter.table() + " <action>, <action>;"
                                + (passes ? " (one lock, at most one rewrite)" : " (one lock, taken once)")));
            }
        }
        return List.of();
    }

    private static boolean takesAccessExclusive(AlterTable alter) {
        return alter.actions().stream().anyMatch(a -> TableLocks.mode(a) == LockMode.ACCESS_EXCLUSIVE);
    }

    /** Whether some action reads or rewrites the rows; catalog-only actions are known one by one, anything else counts. */
    private static boolean makesPass(StatementContext c, AlterTable alter) {
        return alter.actions().stream().anyMatch(a -> !catalogOnly(c, a));
    }

    private static boolean catalogOnly(StatementContext c, AlterTable.Action a) {
        List<SqlToken> t = a.tokens();
        int added = a.addedColumnAt();
        if (added >= 0) {
            int def = a.indexOf("DEFAULT");
            boolean freeDefault = def < 0
                    || c.postgresVersion() >= 11
                            && AddingFieldWithVolatileDefault.volatileCall(c, t.subList(def + 1, t.size())) == null;
            boolean serial = ColumnType.tokensAt(t, added + 1).stream()
                    .anyMatch(x -> x.isWord("SERIAL")
                            || x.isWord("BIGSERIAL")
                            || x.isWord("SMALLSERIAL")
                            || x.isWord("SERIAL2")
                            || x.isWord("SERIAL4")
                            || x.isWord("SERIAL8"));
            return freeDefault
                    && !serial
                    && !a.contains("NOT")
                    && !a.contains("PRIMARY")
                    && !a.contains("UNIQUE")
                    && !a.contains("CHECK")
                    && !a.contains("REFERENCES")
                    && !a.contains("GENERATED");
        }
        if (a.startsWith("DROP")
                || a.startsWith("RENAME")
                || a.startsWith("OWNER")
                || a.startsWith("ENABLE")
                || a.startsWith("DISABLE")
                || a.startsWith("REPLICA")
                || a.startsWith("CLUSTER")
                || a.startsWith("SET", "SCHEMA")
                || a.startsWith("SET", "WITHOUT")
                || a.startsWith("RESET")
                || a.startsWith("SET") && t.size() > 1 && t.get(1).text().equals("(")) {
            return true;
        }
        if (a.startsWith("ADD")
                && a.contains("VALID")
                && a.indexOf("NOT") >= 0
                && !a.contains("PRIMARY")
                && !a.contains("UNIQUE")
                && !a.contains("EXCLUDE")) {
            return true; // ADD CONSTRAINT … NOT VALID: checked for new rows only
        }
        int column = a.alteredColumnAt();
        if (column >= 0 && column + 1 < t.size()) {
            List<SqlToken> rest = t.subList(column + 1, t.size());
            return SqlToken.startWith(rest, "SET", "DEFAULT")
                    || SqlToken.startWith(rest, "DROP", "DEFAULT")
                    || SqlToken.startWith(rest, "DROP", "NOT")
                    || SqlToken.startWith(rest, "SET", "STATISTICS")
                    || SqlToken.startWith(rest, "SET", "STORAGE")
                    || SqlToken.startWith(rest, "DROP", "IDENTITY")
                    || SqlToken.startWith(rest, "RESTART")
                    || SqlToken.startWith(rest, "SET", "GENERATED")
                    || rest.get(0).isWord("SET")
                            && rest.size() > 1
                            && rest.get(1).text().equals("(")
                    || rest.get(0).isWord("RESET");
        }
        return false;
    }

    private static boolean sameTable(String a, String b) {
        return Names.unqualified(a).equals(Names.unqualified(b));
    }
}
