package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Names;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * An UPDATE, DELETE or INSERT (possibly after WITH …), read on the lexer's tokens: its target table,
 * whether a WHERE restricts it, and for INSERT whether the rows come from a query rather than VALUES.
 *
 * @param verb     UPDATE, DELETE or INSERT
 * @param at       the verb's token
 * @param hasWhere a WHERE outside parentheses (a subquery's WHERE restricts nothing)
 * @param fromQuery INSERT … SELECT (or TABLE, or a WITH query); false for VALUES and DEFAULT VALUES
 */
record DataChange(String verb, SqlToken at, String table, boolean hasWhere, boolean fromQuery) {

    static Optional<DataChange> of(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        int verb = mainVerb(t);
        if (verb < 0) {
            return Optional.empty();
        }
        String word = t.get(verb).upper();
        int i = verb + 1;
        if (word.equals("DELETE") || word.equals("INSERT")) {
            if (i >= t.size() || !t.get(i).isWord(word.equals("DELETE") ? "FROM" : "INTO")) {
                return Optional.empty();
            }
            i++;
        }
        if (i < t.size() && t.get(i).isWord("ONLY")) {
            i++;
        }
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return Optional.empty();
        }
        i += Names.width(t, i);
        boolean hasWhere = ColumnDefinitions.indexAtDepthZero(t, "WHERE", i) >= 0;
        return Optional.of(
                new DataChange(word, t.get(verb), table, hasWhere, word.equals("INSERT") && fromQuery(t, i)));
    }

    /** The UPDATE, DELETE or INSERT a statement runs: the first word, or the first such word after a WITH list. */
    private static int mainVerb(List<SqlToken> t) {
        if (t.isEmpty()) {
            return -1;
        }
        if (isVerb(t.get(0))) {
            return 0;
        }
        if (!t.get(0).isWord("WITH")) {
            return -1;
        }
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && (isVerb(t.get(i)) || t.get(i).isWord("SELECT"))) {
                return isVerb(t.get(i)) ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isVerb(SqlToken token) {
        return token.isWord("UPDATE") || token.isWord("DELETE") || token.isWord("INSERT");
    }

    /** After INSERT INTO name: [AS alias] [(columns)] [OVERRIDING … VALUE] then VALUES, DEFAULT VALUES or a query. */
    private static boolean fromQuery(List<SqlToken> t, int i) {
        if (i < t.size() && t.get(i).isWord("AS")) {
            i += 2;
        }
        if (i < t.size()
                && t.get(i).text().equals("(")
                && !(i + 1 < t.size()
                        && (t.get(i + 1).isWord("SELECT") || t.get(i + 1).isWord("WITH")))) {
            i = ColumnDefinitions.closing(t, i) + 1;
        }
        if (i < t.size() && t.get(i).isWord("OVERRIDING")) {
            i += 3;
        }
        return i < t.size() && !t.get(i).isWord("VALUES") && !t.get(i).isWord("DEFAULT");
    }
}
