package dev.keel.sql;

import java.util.Locale;

/** One token of a SQL script; comments and whitespace are not tokens. Offsets index the whole script. */
public record SqlToken(Type type, String text, int offset) {

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

    public boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    /** The word in upper case, or null when this is no word. */
    public String upper() {
        return type == Type.WORD ? text.toUpperCase(Locale.ROOT) : null;
    }
}
