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
 * RENAME COLUMN is instant, but the application version still running names the old column: its
 * queries fail from the moment the migration commits until the new version is deployed.
 */
public final class RenamingColumn implements Rule {

    @Override
    public String id() {
        return "renaming-column";
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
            int column = renamedColumnAt(action);
            if (column < 0) {
                continue;
            }
            String name = Names.of(action.tokens().get(column));
            if (c.schema()
                    .column(alter.table(), name)
                    .map(SchemaModel.Column::added)
                    .orElse(false)) {
                continue;
            }
            findings.add(c.finding(
                    this,
                    action.first(),
                    "renaming column " + name + " of " + alter.table()
                            + " breaks the application version still running: its queries name " + name
                            + " until it is replaced",
                    "add the new column, write both and backfill, move readers over, and drop the old column in a later release"
                            + " (or keep the old name and change only the application's mapping)"));
        }
        return findings;
    }

    /** RENAME [COLUMN] name TO …: the index of the column name; -1 for RENAME TO and RENAME CONSTRAINT. */
    private static int renamedColumnAt(AlterTable.Action action) {
        if (!action.startsWith("RENAME") || action.tokens().size() < 3) {
            return -1;
        }
        if (action.tokens().get(1).isWord("TO") || action.tokens().get(1).isWord("CONSTRAINT")) {
            return -1;
        }
        int i = action.tokens().get(1).isWord("COLUMN") ? 2 : 1;
        return i < action.tokens().size() && Names.of(action.tokens().get(i)) != null ? i : -1;
    }
}
