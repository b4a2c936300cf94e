package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Locale;

/**
 * ALTER TABLE / ALTER INDEX … SET TABLESPACE copies the relation's files to the new tablespace while
 * holding ACCESS EXCLUSIVE: no query touches the table (or, for an index, the table the index is
 * on) until the copy is done. The ALL IN TABLESPACE forms move everything at once.
 */
public final class SettingTablespace implements Rule {
    /** Indexes the checked migrations built on tables they created: moving them copies nothing big. */
    @Override
    public String id() {
        return "setting-tablespace";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<Finding> findings = findings(c);
        return findings;
    }

    private List<Finding> findings(StatementContext c) {
        List<SqlToken> t = c.tokens();
        if (!c.startsWith("ALTER")
                || t.size() < 3
                || !(t.get(1).isWord("TABLE") || t.get(1).isWord("INDEX"))) {
            return List.of();
        }
        String kind = t.get(1).upper();
        if (t.get(2).isWord("ALL") && t.size() > 3 && t.get(3).isWord("IN")) {
            return List.of(
                    c.finding(
                            this,
                            "ALTER " + kind + " ALL IN TABLESPACE copies every " + kind.toLowerCase(Locale.ROOT)
                                    + " of the tablespace, each under an ACCESS EXCLUSIVE lock held until the copy is done",
                            "create new objects in the new tablespace, and move existing ones one by one outside the migration"));
        }
        if (kind.equals("TABLE")) {
            AlterTable alter = c.alterTable().orElse(null);
            if (alter == null || !c.existing(alter.table())) {
                return List.of();
            }
            for (AlterTable.Action action : alter.actions()) {
                if (action.startsWith("SET", "TABLESPACE")) {
                    return List.of(c.finding(
                            this,
                            action.first(),
                            "SET TABLESPACE copies all of " + alter.table()
                                    + " to the new tablespace under an ACCESS EXCLUSIVE lock: every read and write waits until the copy is done",
                            "create the table in the right tablespace from the start; to move a live table, copy it in batches into a new "
                                    + "table there and swap the names, or move it in a maintenance window"));
                }
            }
            return List.of();
        }
        int i = 2;
        if (i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        String index = Names.qualifiedAt(t, i);
        if (index == null || !c.schema().indexOnLiveTable(index)) {
            return List.of();
        }
        for (int j = i + Names.width(t, i); j + 1 < t.size(); j++) {
            if (t.get(j).isWord("SET") && t.get(j + 1).isWord("TABLESPACE")) {
                String fix = c.postgresVersion() >= 14
                        ? "REINDEX (TABLESPACE …) INDEX CONCURRENTLY " + index + " in a migration file of its own"
                        : "CREATE INDEX CONCURRENTLY a copy … TABLESPACE …, then DROP INDEX CONCURRENTLY " + index;
                return List.of(c.finding(
                        this,
                        t.get(j),
                        "SET TABLESPACE copies the index " + index
                                + " under an ACCESS EXCLUSIVE lock: queries on its table wait until the copy is done",
                        fix));
            }
        }
        return List.of();
    }
}
