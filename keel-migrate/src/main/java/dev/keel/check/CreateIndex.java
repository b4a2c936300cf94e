package dev.keel.check;

import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …, recognised on the
 * lexer's tokens: the one reader every rule and the invalid-index cleanup share.
 *
 * @param indexSchema the schema written before the index name (PostgreSQL refuses one), or null
 * @param index the index name folded as PostgreSQL folds it, or null for an unnamed index
 * @param table the table, folded and qualified as written ({@link Names#qualifiedAt})
 * @param tableAsWritten the table exactly as written (quotes kept), for {@code to_regclass}
 */
public record CreateIndex(String indexSchema, String index, String table, String tableAsWritten, boolean concurrently) {

    public static Optional<CreateIndex> of(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        if (t.isEmpty() || !t.get(0).isWord("CREATE")) {
            return Optional.empty();
        }
        int i = 1;
        if (i < t.size() && t.get(i).isWord("UNIQUE")) {
            i++;
        }
        if (i >= t.size() || !t.get(i).isWord("INDEX")) {
            return Optional.empty();
        }
        i++;
        boolean concurrently = i < t.size() && t.get(i).isWord("CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        if (i + 2 < t.size()
                && t.get(i).isWord("IF")
                && t.get(i + 1).isWord("NOT")
                && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        String indexSchema = null;
        String index = null;
        if (i < t.size() && !t.get(i).isWord("ON")) {
            index = Names.of(t.get(i));
            if (index != null && i + 2 < t.size() && t.get(i + 1).text().equals(".")) {
                indexSchema = index;
                index = Names.of(t.get(i + 2));
                i += 2;
            }
            i++;
        }
        if (i >= t.size() || !t.get(i).isWord("ON")) {
            return Optional.empty();
        }
        i++;
        if (i < t.size() && t.get(i).isWord("ONLY")) {
            i++;
        }
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return Optional.empty();
        }
        StringBuilder written = new StringBuilder();
        for (int j = i; j < i + Names.width(t, i); j++) {
            written.append(t.get(j).text());
        }
        return Optional.of(new CreateIndex(indexSchema, index, table, written.toString(), concurrently));
    }
}
