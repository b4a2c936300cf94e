package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * SET NOT NULL scans the whole table for nulls under ACCESS EXCLUSIVE. Since PostgreSQL 12 the scan
 * is skipped when a validated CHECK (column IS NOT NULL) already proves there are none, and that
 * check can be added NOT VALID and validated without blocking writes.
 */
public final class SettingNotNull implements Rule {
    /** Fact kind: "table.constraint=column" for CHECK (column IS NOT NULL) constraints the checked migrations added. */
    static final String NOT_NULL_CHECK = "not-null-check";
    /** Fact kind: "table.constraint", validated by VALIDATE CONSTRAINT or added without NOT VALID. */
    static final String VALIDATED = "validated-constraint";
    /** Fact kind: "table.constraint" dropped again; it proves nothing any more. */
    static final String DROPPED = "dropped-constraint";

    @Override
    public String id() {
        return "setting-not-null";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null) {
            return List.of();
        }
        String table = Names.unqualified(alter.table());
        List<Finding> findings = new ArrayList<>();
        // PostgreSQL runs an ALTER TABLE's DROPs before its other actions: a check dropped here proves nothing.
        java.util.Set<String> droppedHere = new java.util.HashSet<>();
        for (AlterTable.Action action : alter.actions()) {
            List<SqlToken> t = action.tokens();
            if (action.startsWith("DROP", "CONSTRAINT")) {
                int at = t.size() > 4 && t.get(2).isWord("IF") && t.get(3).isWord("EXISTS") ? 4 : 2;
                if (at < t.size()) {
                    droppedHere.add(table + "." + Names.of(t.get(at)));
                }
            }
        }
        if (c.existing(alter.table())) {
            for (AlterTable.Action action : alter.actions()) {
                int column = action.alteredColumnAt();
                List<SqlToken> t = action.tokens();
                if (column < 0 || column + 3 >= t.size() || !t.get(column + 1).isWord("SET") || !t.get(column + 2).isWord("NOT")
                        || !t.get(column + 3).isWord("NULL")) {
                    continue;
                }
                String name = Names.of(t.get(column));
                if (c.postgresVersion() >= 12 && provenNotNull(c, table, name, droppedHere)) {
                    continue;
                }
                findings.add(c.finding(this, action.first(), "SET NOT NULL on " + alter.table() + "." + name + " reads every row of "
                        + alter.table() + " while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan", fix(c, alter.table(), name)));
            }
        }
        remember(c, table, alter);
        return findings;
    }

    private static String fix(StatementContext c, String table, String column) {
        String constraint = Names.unqualified(table) + "_" + column + "_not_null";
        String addCheck = "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (" + column + " IS NOT NULL) NOT VALID;";
        String validate = "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + constraint + ";";
        if (c.postgresVersion() < 12) {
            return "before PostgreSQL 12 SET NOT NULL always scans: keep a check instead — " + addCheck + " then, in a later migration, " + validate
                    + " — and set NOT NULL once on 12 or later";
        }
        return addCheck + " then, in a later migration, " + validate + " ALTER TABLE " + table + " ALTER COLUMN " + column
                + " SET NOT NULL; (the validated check spares the scan) and, if you like, ALTER TABLE " + table + " DROP CONSTRAINT " + constraint + ";";
    }

    /** A CHECK (column IS NOT NULL) on the table, validated and not dropped since. */
    private static boolean provenNotNull(StatementContext c, String table, String column, java.util.Set<String> droppedHere) {
        for (String fact : c.state().all(NOT_NULL_CHECK)) {
            int eq = fact.lastIndexOf('=');
            String constraint = fact.substring(0, eq);
            if (fact.startsWith(table + ".") && fact.substring(eq + 1).equals(column) && c.state().knows(VALIDATED, constraint)
                    && !c.state().knows(DROPPED, constraint) && !droppedHere.contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static void remember(StatementContext c, String table, AlterTable alter) {
        for (AlterTable.Action action : alter.actions()) {
            List<SqlToken> t = action.tokens();
            if (action.startsWith("VALIDATE", "CONSTRAINT") && t.size() > 2) {
                c.state().remember(VALIDATED, table + "." + Names.of(t.get(2)));
            } else if (action.startsWith("DROP", "CONSTRAINT")) {
                int at = t.size() > 4 && t.get(2).isWord("IF") && t.get(3).isWord("EXISTS") ? 4 : 2;
                if (at < t.size()) {
                    c.state().remember(DROPPED, table + "." + Names.of(t.get(at)));
                }
            } else if (action.startsWith("ADD") && action.addedColumnAt() < 0) {
                rememberCheck(c, table, t);
            }
        }
    }

    /** ADD [CONSTRAINT name] CHECK (column IS NOT NULL) [NOT VALID]; an unnamed one gets PostgreSQL's name table_column_check. */
    private static void rememberCheck(StatementContext c, String table, List<SqlToken> t) {
        int i = 1;
        String constraint = null;
        if (t.size() > 2 && t.get(1).isWord("CONSTRAINT")) {
            constraint = Names.of(t.get(2));
            i = 3;
        }
        if (i + 1 >= t.size() || !t.get(i).isWord("CHECK") || !t.get(i + 1).text().equals("(")) {
            return;
        }
        int close = closing(t, i + 1);
        String column = notNullColumn(t.subList(i + 2, close));
        if (column == null) {
            return;
        }
        constraint = constraint != null ? constraint : table + "_" + column + "_check";
        c.state().remember(NOT_NULL_CHECK, table + "." + constraint + "=" + column);
        boolean notValid = false;
        for (int j = close + 1; j + 1 < t.size(); j++) {
            notValid |= t.get(j).isWord("NOT") && t.get(j + 1).isWord("VALID");
        }
        if (!notValid) {
            c.state().remember(VALIDATED, table + "." + constraint);
        }
    }

    /** The index of the parenthesis closing the one at {@code open}, or the end. */
    private static int closing(List<SqlToken> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).text().equals("(")) {
                depth++;
            } else if (t.get(i).text().equals(")") && --depth == 0) {
                return i;
            }
        }
        return t.size();
    }

    /** "column IS NOT NULL", perhaps in extra parentheses: the column, or null. */
    private static String notNullColumn(List<SqlToken> e) {
        while (e.size() > 2 && e.get(0).text().equals("(") && closing(e, 0) == e.size() - 1) {
            e = e.subList(1, e.size() - 1);
        }
        if (e.size() == 4 && e.get(1).isWord("IS") && e.get(2).isWord("NOT") && e.get(3).isWord("NULL")) {
            return Names.of(e.get(0));
        }
        return null;
    }
}
