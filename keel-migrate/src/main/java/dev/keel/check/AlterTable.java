package dev.keel.check;

import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action …], recognised on the lexer's tokens: the
 * table and each comma-separated action, which rules then read word by word.
 */
public record AlterTable(String table, List<Action> actions) {

    public static Optional<AlterTable> of(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        if (t.size() < 3 || !t.get(0).isWord("ALTER") || !t.get(1).isWord("TABLE")) {
            return Optional.empty();
        }
        int i = 2;
        if (i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).isWord("ONLY")) {
            i++;
        }
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return Optional.empty();
        }
        i += Names.width(t, i);
        if (i < t.size() && t.get(i).text().equals("*")) {
            i++;
        }
        List<Action> actions = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (; i < t.size(); i++) {
            SqlToken token = t.get(i);
            if (token.text().equals("(")) {
                depth++;
            } else if (token.text().equals(")")) {
                depth--;
            } else if (token.text().equals(",") && depth == 0) {
                actions.add(new Action(current));
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
        }
        if (!current.isEmpty()) {
            actions.add(new Action(current));
        }
        return Optional.of(new AlterTable(table, List.copyOf(actions)));
    }

    /** One action's tokens, e.g. ADD COLUMN total bigint DEFAULT 0. */
    public record Action(List<SqlToken> tokens) {

        public Action {
            tokens = List.copyOf(tokens);
        }

        /** True when the action starts with these words; "[COLUMN]"-style optional words are the caller's business. */
        public boolean startsWith(String... words) {
            return SqlToken.startWith(tokens, words);
        }

        public int indexOf(String word) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).isWord(word)) {
                    return i;
                }
            }
            return -1;
        }

        public boolean contains(String word) {
            return indexOf(word) >= 0;
        }

        public SqlToken first() {
            return tokens.get(0);
        }

        /** ADD [COLUMN] [IF NOT EXISTS] name …: the index of the column name, or -1 when this adds no column. */
        public int addedColumnAt() {
            if (!startsWith("ADD")) {
                return -1;
            }
            int i = 1;
            if (i < tokens.size() && tokens.get(i).isWord("COLUMN")) {
                i++;
            } else if (i < tokens.size()
                    && (tokens.get(i).isWord("CONSTRAINT")
                            || tokens.get(i).isWord("CHECK")
                            || tokens.get(i).isWord("UNIQUE")
                            || tokens.get(i).isWord("PRIMARY")
                            || tokens.get(i).isWord("FOREIGN")
                            || tokens.get(i).isWord("EXCLUDE"))) {
                return -1;
            }
            if (i + 2 < tokens.size()
                    && tokens.get(i).isWord("IF")
                    && tokens.get(i + 1).isWord("NOT")
                    && tokens.get(i + 2).isWord("EXISTS")) {
                i += 3;
            }
            return i < tokens.size() ? i : -1;
        }

        /** ALTER [COLUMN] name …: the index of the column name, or -1. */
        public int alteredColumnAt() {
            if (!startsWith("ALTER")) {
                return -1;
            }
            int i = tokens.size() > 1 && tokens.get(1).isWord("COLUMN") ? 2 : 1;
            return i < tokens.size() ? i : -1;
        }
    }
}
