package dev.keel.check;

import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Locale;

/** Object names as PostgreSQL folds them: unquoted words in lower case, quoted ones as written. */
public final class Names {

    private Names() {}

    public static String of(SqlToken token) {
        return switch (token.type()) {
            case WORD -> token.text().toLowerCase(Locale.ROOT);
            case QUOTED_IDENTIFIER ->
                token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
            default -> null;
        };
    }

    /** A possibly qualified name starting at {@code i}: schema.table or table; null when none is there. */
    public static String qualifiedAt(List<SqlToken> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        String first = of(tokens.get(i));
        if (first == null) {
            return null;
        }
        if (i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".") && of(tokens.get(i + 2)) != null) {
            return first + "." + of(tokens.get(i + 2));
        }
        return first;
    }

    /** How many tokens the name at {@code i} spans. */
    public static int width(List<SqlToken> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".") ? 3 : 1;
    }

    public static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
