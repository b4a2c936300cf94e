package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;

/** CREATE INDEX without CONCURRENTLY on a table that already exists blocks its writes for the whole build. */
public final class RequireConcurrentIndexCreation implements Rule {

    @Override
    public String id() {
        return "require-concurrent-index-creation";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!(c.startsWith("CREATE", "INDEX") || c.startsWith("CREATE", "UNIQUE", "INDEX")) || c.statement().containsWord("CONCURRENTLY")) {
            return List.of();
        }
        List<SqlToken> t = c.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord("ON")) {
                int at = i + 1 < t.size() && t.get(i + 1).isWord("ONLY") ? i + 2 : i + 1;
                String table = Names.qualifiedAt(t, at);
                if (!c.existing(table)) {
                    return List.of();
                }
                return List.of(c.finding(this, "CREATE INDEX takes a SHARE lock on " + table
                                + ": inserts, updates and deletes wait until the whole index is built",
                        "CREATE INDEX CONCURRENTLY in a migration file of its own (keel runs it without a transaction)"));
            }
        }
        return List.of();
    }
}
