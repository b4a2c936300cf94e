package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * ADD UNIQUE / PRIMARY KEY builds its index while the table is locked ACCESS EXCLUSIVE. Building
 * the index concurrently first and attaching it with USING INDEX keeps the lock brief.
 */
public final class DisallowedUniqueConstraint implements Rule {

    @Override
    public String id() {
        return "disallowed-unique-constraint";
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
            if (!action.startsWith("ADD")) {
                continue;
            }
            int column = action.addedColumnAt();
            String kind = column >= 0 ? columnConstraint(action.tokens(), column) : tableConstraint(action.tokens());
            if (kind == null) {
                continue;
            }
            String what = column >= 0
                    ? "adding column " + action.tokens().get(column).text() + " as " + kind + " to " + alter.table()
                    : "adding a " + kind + " constraint to " + alter.table();
            findings.add(c.finding(
                    this,
                    action.first(),
                    what + " builds its unique index while holding an ACCESS EXCLUSIVE lock:"
                            + " reads and writes wait for the whole build",
                    (column >= 0 ? "add the column without it; " : "")
                            + "CREATE UNIQUE INDEX CONCURRENTLY in a migration file of its own, then ALTER TABLE "
                            + alter.table() + " ADD CONSTRAINT … " + kind + " USING INDEX <that index>"
                            + (kind.equals("PRIMARY KEY") ? " (with its columns already NOT NULL)" : "")));
        }
        return findings;
    }

    /** ADD [CONSTRAINT name] UNIQUE … / PRIMARY KEY … without USING INDEX: the kind, or null. */
    private static String tableConstraint(List<SqlToken> t) {
        int i = 1;
        if (i < t.size() && t.get(i).isWord("CONSTRAINT")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).isWord("UNIQUE")) {
            return usingIndex(t, i + 1) ? null : "UNIQUE";
        }
        if (i + 1 < t.size() && t.get(i).isWord("PRIMARY") && t.get(i + 1).isWord("KEY")) {
            return usingIndex(t, i + 2) ? null : "PRIMARY KEY";
        }
        return null;
    }

    /** USING INDEX name attaches an existing index; USING INDEX TABLESPACE only places a new one. */
    private static boolean usingIndex(List<SqlToken> t, int i) {
        return i + 2 < t.size()
                && t.get(i).isWord("USING")
                && t.get(i + 1).isWord("INDEX")
                && !t.get(i + 2).isWord("TABLESPACE");
    }

    /** UNIQUE or PRIMARY KEY among a new column's constraints (outside parentheses), or null. */
    private static String columnConstraint(List<SqlToken> t, int column) {
        int depth = 0;
        for (int i = column + 1; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && t.get(i).isWord("UNIQUE")) {
                return "UNIQUE";
            } else if (depth == 0
                    && t.get(i).isWord("PRIMARY")
                    && i + 1 < t.size()
                    && t.get(i + 1).isWord("KEY")) {
                return "PRIMARY KEY";
            }
        }
        return null;
    }
}
