package dev.keel.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a script, without its terminating semicolon. {@code line} and {@code column} are
 * 1-based and point at its first token; {@code offset} is that token's index in the script.
 */
public record SqlStatement(String sql, int line, int column, int offset, List<SqlToken> tokens) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** The first {@code n} words in upper case, skipping nothing: a non-word token ends the list. */
    public List<String> leadingWords(int n) {
        ArrayList<String> words = new ArrayList<>(n);
        for (SqlToken token : tokens) {
            if (words.size() == n || token.type() != SqlToken.Type.WORD) {
                break;
            }
            words.add(token.upper());
        }
        return words;
    }

    public boolean containsWord(String word) {
        return tokens.stream().anyMatch(t -> t.isWord(word));
    }

    /**
     * Maps a position reported by the server (1-based, in characters of {@link #sql()}) to the
     * script's line and column.
     */
    public int[] locate(int serverPosition) {
        int index = Math.max(0, Math.min(serverPosition - 1, sql.length()));
        int l = line;
        int c = column;
        for (int i = 0; i < index; i++) {
            if (sql.charAt(i) == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        return new int[] {l, c};
    }

    /** The first line of the statement, shortened for messages. */
    public String excerpt() {
        String first = sql.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }
}
