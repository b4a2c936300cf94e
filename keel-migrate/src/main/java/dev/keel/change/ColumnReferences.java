package dev.keel.change;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Locale;

/**
 * Points an expression of one table (a CHECK, as PostgreSQL prints it) at another column: every reference to the
 * column by its bare name becomes the other name. A name before {@code (} is a function, one after {@code .} or
 * {@code ::} a field or a type; those stay.
 */
public final class ColumnReferences {
    private ColumnReferences() {}

    public static String rename(String expression, String from, String to) {
        List<SqlToken> tokens = SqlLexer.tokens(expression);
        StringBuilder out = new StringBuilder(expression.length() + 16);
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (!names(t, from) || qualified(tokens, i) || called(tokens, i)) {
                continue;
            }
            out.append(expression, copied, t.offset()).append(quote(to));
            copied = t.offset() + t.text().length();
        }
        return out.append(expression.substring(copied)).toString();
    }

    /**
     * Whether any name in {@code sql} could be the column, qualified or not: a conservative answer for a query or
     * condition that must not lose a column it reads.
     */
    public static boolean mentions(String sql, String column) {
        return SqlLexer.tokens(sql).stream().anyMatch(t -> names(t, column));
    }

    private static boolean names(SqlToken t, String column) {
        if (t.type() == SqlToken.Type.WORD) {
            // An unquoted name is folded to lower case by the server.
            return t.text().toLowerCase(Locale.ROOT).equals(column);
        }
        return t.type() == SqlToken.Type.QUOTED_IDENTIFIER
                && t.text()
                        .substring(1, t.text().length() - 1)
                        .replace("\"\"", "\"")
                        .equals(column);
    }

    private static boolean qualified(List<SqlToken> tokens, int i) {
        if (i == 0) {
            return false;
        }
        String previous = tokens.get(i - 1).text();
        return previous.equals(".") || previous.equals("::") || previous.equals(":");
    }

    private static boolean called(List<SqlToken> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
    }
}
