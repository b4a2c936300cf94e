package dev.keel.sql;

import java.util.List;
import java.util.Locale;

/**
 * One token of a SQL script; comments and whitespace are not tokens. Offsets index the whole script.
 *
 * @param upper a word in upper case, folded once here because the rules compare every word they read; null for other tokens
 */
public record SqlToken(Type type, String text, int offset, String upper) {

    public SqlToken(Type type, String text, int offset) {
        this(type, text, offset, type == Type.WORD ? text.toUpperCase(Locale.ROOT) : null);
    }

    public enum Type {
        /** An unquoted identifier or keyword. */
        WORD,
        QUOTED_IDENTIFIER,
        /** Any single-quoted literal: '', E'', B'', X'', N'', U&''. */
        STRING,
        DOLLAR_STRING,
        NUMBER,
        /** $1, $2 … */
        PARAMETER,
        SYMBOL
    }

    /** Whether the tokens begin with these words, given in upper case. */
    public static boolean startWith(List<SqlToken> tokens, String... upperCaseWords) {
        if (tokens.size() < upperCaseWords.length) {
            return false;
        }
        for (int i = 0; i < upperCaseWords.length; i++) {
            if (!tokens.get(i).isWord(upperCaseWords[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is the given word; pass the word in upper case. */
    public boolean isWord(String upperCaseWord) {
        return upper != null && upper.equals(upperCaseWord);
    }
}
