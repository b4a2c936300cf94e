package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * DROP COLUMN only marks the column dropped, but the application version still running may select,
 * insert or update it: those queries fail as soon as the migration commits.
 */
public final class DroppingColumn implements Rule {

    @Override
    public String id() {
        return "dropping-column";
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
        if (!c.existing(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            int column = droppedColumnAt(action);
            if (column < 0) {
                continue;
            }
            String name = Names.of(action.tokens().get(column));
            if (!c.schema()
                    .column(alter.table(), name)
                    .map(SchemaModel.Column::added)
                    .orElse(false)) {
                findings.add(c.finding(
                        this,
                        action.first(),
                        "dropping column " + name + " of " + alter.table()
                                + " breaks the application version still running: its queries that read or write "
                                + name + " fail",
                        "first deploy a release that no longer uses " + name + "; then drop it, saying so in a waiver:"
                                + " -- keel:allow dropping-column <the release that stopped using it>"));
            }
        }
        return findings;
    }

    /** DROP [COLUMN] [IF EXISTS] name …: the index of the column name; -1 for DROP CONSTRAINT and other actions. */
    private static int droppedColumnAt(AlterTable.Action action) {
        if (!action.startsWith("DROP")
                || action.tokens().size() < 2
                || action.tokens().get(1).isWord("CONSTRAINT")) {
            return -1;
        }
        var t = action.tokens();
        int i = t.get(1).isWord("COLUMN") ? 2 : 1;
        if (i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        return i < t.size() && Names.of(t.get(i)) != null ? i : -1;
    }
}
