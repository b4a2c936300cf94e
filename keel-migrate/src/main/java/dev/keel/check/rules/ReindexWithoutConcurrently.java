package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;

/**
 * A plain REINDEX blocks writes to the table and every query that would read the index while it
 * rebuilds. REINDEX … CONCURRENTLY exists since PostgreSQL 12; before, a replacement index is built
 * concurrently and swapped in.
 */
public final class ReindexWithoutConcurrently implements Rule {

    @Override
    public String id() {
        return "reindex-without-concurrently";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("REINDEX")) {
            return List.of();
        }
        List<SqlToken> t = c.tokens();
        int i = 1;
        boolean concurrently = false;
        // The concurrent forms do not exist on older servers: there they fail, so they protect nothing.
        boolean optionListAllowed = c.postgresVersion() >= 14;
        boolean keywordAllowed = c.postgresVersion() >= 12;
        if (i < t.size() && t.get(i).text().equals("(")) {
            // REINDEX (VERBOSE, CONCURRENTLY [true|false], TABLESPACE x) … — the option list since PostgreSQL 14.
            for (i++; i < t.size() && !t.get(i).text().equals(")"); i++) {
                if (t.get(i).isWord("CONCURRENTLY")) {
                    concurrently = optionListAllowed && !(i + 1 < t.size() && isFalse(t.get(i + 1)));
                }
            }
            i++;
        }
        if (i >= t.size()) {
            return List.of();
        }
        String kind = t.get(i).upper();
        if (kind == null) {
            return List.of();
        }
        i++;
        if (i < t.size() && t.get(i).isWord("CONCURRENTLY")) {
            concurrently = keywordAllowed;
            i++;
        }
        String target = Names.qualifiedAt(t, i);
        if (concurrently
                || kind.equals("INDEX") && target != null && !c.schema().indexOnLiveTable(target)
                || kind.equals("TABLE") && !c.existing(target)) {
            return List.of();
        }
        String what = switch (kind) {
            case "INDEX" -> "index " + target;
            case "TABLE" -> "the indexes of " + target;
            case "SCHEMA" -> "every index in schema " + target;
            case "DATABASE" -> "every index in the database";
            case "SYSTEM" -> "the system catalogs' indexes";
            default -> null;
        };
        if (what == null) {
            return List.of();
        }
        String message = "REINDEX rebuilds " + what + ": while an index rebuilds, writes to its table wait (SHARE lock)"
                + " and so do queries that would read the index (ACCESS EXCLUSIVE lock on it)";
        if (kind.equals("SYSTEM")) {
            return List.of(
                    c.finding(
                            this,
                            message,
                            "REINDEX SYSTEM has no concurrent form: run it by hand in a maintenance window, not in a migration"));
        }
        if (c.postgresVersion() < 12) {
            return List.of(c.finding(
                    this,
                    message,
                    "PostgreSQL " + c.postgresVersion()
                            + " has no REINDEX CONCURRENTLY: CREATE INDEX CONCURRENTLY"
                            + " a copy of each index, DROP INDEX CONCURRENTLY the old one, then ALTER INDEX … RENAME the copy to the old"
                            + " name"));
        }
        return List.of(c.finding(
                this,
                message,
                "REINDEX " + kind + " CONCURRENTLY " + (target == null ? "" : target + " ")
                        + "in a migration file of its own (keel runs it without a transaction)"));
    }

    private static boolean isFalse(SqlToken token) {
        return token.isWord("FALSE") || token.isWord("OFF") || token.text().equals("0");
    }
}
