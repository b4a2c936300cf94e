package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table. An index the
 * checked migrations created themselves is theirs to drop: no deployed query relies on it.
 */
public final class RequireConcurrentIndexDeletion implements Rule {

    @Override
    public String id() {
        return "require-concurrent-index-deletion";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("DROP", "INDEX") || c.statement().containsWord("CONCURRENTLY")) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (String index : droppedIndexes(c.tokens())) {
            if (c.schema().indexExisting(index)) {
                unknown.add(index);
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        return List.of(c.finding(
                this,
                "DROP INDEX " + String.join(", ", unknown)
                        + " takes an ACCESS EXCLUSIVE lock on "
                        + (unknown.size() == 1 ? "the index's table" : "each index's table")
                        + ": reads and writes wait until it is done,"
                        + " and behind any query already running",
                "DROP INDEX CONCURRENTLY IF EXISTS, one index per statement, in a migration file of its own (keel runs it without a"
                        + " transaction)"));
    }

    /** DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, name …] [CASCADE | RESTRICT]. */
    private static List<String> droppedIndexes(List<SqlToken> t) {
        int i = 2;
        if (i < t.size() && t.get(i).isWord("CONCURRENTLY")) {
            i++;
        }
        if (i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        List<String> names = new ArrayList<>();
        while (i < t.size()) {
            String name = Names.qualifiedAt(t, i);
            if (name == null || t.get(i).isWord("CASCADE") || t.get(i).isWord("RESTRICT")) {
                break;
            }
            names.add(name);
            i += Names.width(t, i);
            if (i >= t.size() || !t.get(i).text().equals(",")) {
                break;
            }
            i++;
        }
        return names;
    }
}
