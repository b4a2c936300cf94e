package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SET NOT NULL scans the whole table for nulls under ACCESS EXCLUSIVE. Since PostgreSQL 12 the scan
 * is skipped when a validated CHECK (column IS NOT NULL) already proves there are none, and that
 * check can be added NOT VALID and validated without blocking writes.
 */
public final class SettingNotNull implements Rule {
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
        List<Finding> findings = new ArrayList<>();
        // PostgreSQL runs an ALTER TABLE's DROPs before its other actions: a check dropped here proves nothing.
        Set<String> droppedHere = new HashSet<>();
        for (AlterTable.Action action : alter.actions()) {
            List<SqlToken> t = action.tokens();
            if (action.startsWith("DROP", "CONSTRAINT")) {
                int at = t.size() > 4 && t.get(2).isWord("IF") && t.get(3).isWord("EXISTS") ? 4 : 2;
                if (at < t.size()) {
                    droppedHere.add(SchemaModel.stored(Names.of(t.get(at))));
                }
            }
        }
        if (c.existing(alter.table())) {
            for (AlterTable.Action action : alter.actions()) {
                int column = action.alteredColumnAt();
                List<SqlToken> t = action.tokens();
                if (column < 0
                        || column + 3 >= t.size()
                        || !t.get(column + 1).isWord("SET")
                        || !t.get(column + 2).isWord("NOT")
                        || !t.get(column + 3).isWord("NULL")) {
                    continue;
                }
                String name = Names.of(t.get(column));
                if (c.postgresVersion() >= 12 && provenNotNull(c, alter.table(), name, droppedHere)) {
                    continue;
                }
                findings.add(c.finding(
                        this,
                        action.first(),
                        "SET NOT NULL on " + alter.table() + "." + name + " reads every row of " + alter.table()
                                + " while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan",
                        fix(c, alter.table(), name)));
            }
        }
        return findings;
    }

    private static String fix(StatementContext c, String table, String column) {
        String constraint = Names.unqualified(table) + "_" + column + "_not_null";
        String addCheck = "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (" + column
                + " IS NOT NULL) NOT VALID;";
        String validate = "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + constraint + ";";
        if (c.postgresVersion() < 12) {
            return "before PostgreSQL 12 SET NOT NULL always scans: keep a check instead — " + addCheck
                    + " then, in a later migration, " + validate + " — and set NOT NULL once on 12 or later";
        }
        return addCheck + " then, in a later migration, " + validate + " ALTER TABLE " + table + " ALTER COLUMN "
                + column + " SET NOT NULL; (the validated check spares the scan) and, if you like, ALTER TABLE " + table
                + " DROP CONSTRAINT " + constraint + ";";
    }

    /** A CHECK (column IS NOT NULL) on the table, validated and not dropped since (nor by this statement). */
    private static boolean provenNotNull(StatementContext c, String table, String column, Set<String> droppedHere) {
        return c.schema()
                .relation(table)
                .map(r -> r.constraints().stream()
                        .anyMatch(k ->
                                column.equals(k.notNullColumn()) && k.validated() && !droppedHere.contains(k.name())))
                .orElse(false);
    }
}
