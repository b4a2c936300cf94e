package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;

/** DROP DATABASE removes a database and all its data for good; it has no place in a migration. */
public final class DropDatabase implements Rule {

    @Override
    public String id() {
        return "drop-database";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("DROP", "DATABASE")) {
            return List.of();
        }
        List<SqlToken> t = c.tokens();
        int i = t.size() > 3 && t.get(2).isWord("IF") && t.get(3).isWord("EXISTS") ? 4 : 2;
        String name = Names.qualifiedAt(t, i);
        return List.of(c.finding(
                this,
                "DROP DATABASE " + (name == null ? "" : name + " ")
                        + "deletes the database and all its data for good; no migration can undo it",
                "drop databases by hand, after a backup, outside the migrations"));
    }
}
