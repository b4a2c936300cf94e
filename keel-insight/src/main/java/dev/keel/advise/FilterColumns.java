package dev.keel.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the columns an EXPLAIN condition compares, e.g. {@code ((o.status)::text = $1)} or
 * {@code (o.user_id = u.id)}. It only has to be good enough to name candidates: every name is
 * checked against the catalog and every candidate against the planner before it is proposed.
 */
final class FilterColumns {
    // Multi-word type names first, so a cast leaves no stray word behind that looks like a column.
    private static final Pattern CAST = Pattern.compile(
            "::\\s*(?:character varying|double precision|bit varying"
                    + "|timestamp with(?:out)? time zone|time with(?:out)? time zone|\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w.]*)(?:\\[\\])?");
    private static final String IDENT = "\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*";
    private static final Pattern TOKEN =
            Pattern.compile("'(?:[^']|'')*'|(?:" + IDENT + ")(?:\\.(?:" + IDENT + "))?|<=|>=|<>|!=|=|<|>|\\S");

    private FilterColumns() {}

    /** The columns compared with {@code =} (as {@code equality}) or with {@code < <= > >=}, in the order they appear. */
    static List<ColumnUse> compared(String condition, ColumnUse.Kind equality) {
        List<String> tokens = tokens(condition);
        List<ColumnUse> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String op = tokens.get(i);
            ColumnUse.Kind kind = switch (op) {
                case "=" -> equality;
                case "<", "<=", ">", ">=" -> ColumnUse.Kind.RANGE;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            if (i > 0) {
                add(found, tokens.get(i - 1), kind);
            }
            if (i + 1 < tokens.size()) {
                add(found, tokens.get(i + 1), kind);
            }
        }
        return found;
    }

    /** A sort key such as {@code o.created_at DESC}: its column, when it is a plain column. */
    static List<ColumnUse> sortKey(String key) {
        List<ColumnUse> found = new ArrayList<>();
        if (key.contains("(")) {
            // An expression (lower(email)): a plain column index would not serve it.
            return found;
        }
        List<String> tokens = tokens(key);
        if (!tokens.isEmpty() && (tokens.size() == 1 || isWord(tokens.get(1)))) {
            add(found, tokens.get(0), ColumnUse.Kind.SORT);
        }
        return found;
    }

    private static List<String> tokens(String text) {
        String plain = CAST.matcher(text).replaceAll(" ").replace('(', ' ').replace(')', ' ');
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(plain);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void add(List<ColumnUse> found, String token, ColumnUse.Kind kind) {
        if (!isWord(token) && !token.startsWith("\"")) {
            return;
        }
        List<String> parts = splitQualified(token);
        ColumnUse use = parts.size() == 2
                ? new ColumnUse(parts.get(0), parts.get(1), kind)
                : new ColumnUse(null, parts.get(0), kind);
        if (!found.contains(use)) {
            found.add(use);
        }
    }

    private static boolean isWord(String token) {
        return !token.isEmpty()
                && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_' || token.charAt(0) == '"');
    }

    /** {@code a.b}, {@code "A"."b c"} → unquoted parts; unquoted names fold to lower case as PostgreSQL does. */
    private static List<String> splitQualified(String token) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile(IDENT).matcher(token);
        while (m.find()) {
            String part = m.group();
            parts.add(
                    part.startsWith("\"")
                            ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                            : part.toLowerCase(Locale.ROOT));
        }
        return parts;
    }
}
