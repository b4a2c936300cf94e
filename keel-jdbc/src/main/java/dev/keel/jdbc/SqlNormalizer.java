package dev.keel.jdbc;

import java.util.Locale;

/**
 * The shape of a statement: literals become {@code ?}, lists of them collapse to {@code (...)},
 * comments go and whitespace shrinks to single spaces. {@code WHERE id = 42} and {@code WHERE id = ?}
 * are then one statement, as pg_stat_statements counts them, and an IN list of any length is one
 * shape, so the number of timers stays bounded by the code's statements, not by its data.
 */
public final class SqlNormalizer {

    private SqlNormalizer() {}

    public static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i = skipWhitespace(sql, i);
                space(out);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                space(out);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
                space(out);
            } else if (c == '\'') {
                i = skipQuoted(sql, i, false);
                placeholder(out);
            } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !identifierBefore(sql, i)) {
                i = skipQuoted(sql, i + 1, true);
                placeholder(out);
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                placeholder(out);
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                // A server-side parameter ($1): the same shape as a literal.
                i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                placeholder(out);
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                while (end > 0 && end + 1 < n && sql.charAt(end + 1) == '"') {
                    end = sql.indexOf('"', end + 2);
                }
                int stop = end < 0 ? n : end + 1;
                out.append(sql, i, stop);
                i = stop;
            } else if (isNumberStart(sql, i)) {
                i = skipNumber(sql, i);
                placeholder(out);
            } else if (c == '?') {
                placeholder(out);
                i++;
            } else if (c == ')') {
                trimSpace(out);
                out.append(')');
                collapseList(out);
                i++;
            } else {
                if (c == ',') {
                    trimSpace(out);
                }
                out.append(c);
                i++;
            }
        }
        trimSpace(out);
        return out.toString();
    }

    private static int skipWhitespace(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** From the opening quote; {@code ''} is a quote inside, and with backslash escapes so is {@code \'}. */
    private static int skipQuoted(String sql, int open, boolean backslashEscapes) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after a dollar-quote tag ($$ or $tag$) starting at i, or -1. */
    private static int dollarTagEnd(String sql, int i) {
        if (identifierBefore(sql, i)) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length()
                && (Character.isLetter(sql.charAt(j))
                        || sql.charAt(j) == '_'
                        || j > i + 1 && Character.isDigit(sql.charAt(j)))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private static boolean isNumberStart(String sql, int i) {
        char c = sql.charAt(i);
        boolean digit =
                Character.isDigit(c) || c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1));
        return digit && !identifierBefore(sql, i);
    }

    private static int skipNumber(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                i++;
            } else if ((c == '+' || c == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** A letter, digit, underscore or $ right before: the character belongs to a name (t1, col$2). */
    private static boolean identifierBefore(String sql, int i) {
        if (i == 0) {
            return false;
        }
        char p = sql.charAt(i - 1);
        return Character.isLetterOrDigit(p) || p == '_' || p == '$';
    }

    private static void placeholder(StringBuilder out) {
        out.append('?');
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '(') {
            out.append(' ');
        }
    }

    private static void trimSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /**
     * "(?, ?, ?)" just closed: make it "(...)", so an IN list or a VALUES list of any length is one
     * shape. A lone "(?)" collapses only after IN or VALUES (or another collapsed row): elsewhere it
     * is a function's argument, as in pg_sleep(?).
     */
    private static void collapseList(StringBuilder out) {
        int close = out.length() - 1;
        int open = out.lastIndexOf("(", close);
        if (open < 0 || close - open < 2) {
            return;
        }
        int placeholders = 0;
        for (int k = open + 1; k < close; k++) {
            char c = out.charAt(k);
            if (c == '?') {
                placeholders++;
            } else if (c != ',' && c != ' ') {
                return;
            }
        }
        if (placeholders < 2 && !listContext(out, open)) {
            return;
        }
        out.setLength(open);
        out.append("(...)");
        // VALUES (...), (...), (...) is one shape whatever the number of rows.
        while (out.length() >= 11 && out.substring(out.length() - 11).equals("(...),(...)")) {
            out.setLength(out.length() - 6);
        }
        while (out.length() >= 12 && out.substring(out.length() - 12).equals("(...), (...)")) {
            out.setLength(out.length() - 7);
        }
    }

    private static boolean listContext(StringBuilder out, int open) {
        String before =
                out.substring(Math.max(0, open - 8), open).stripTrailing().toUpperCase(Locale.ROOT);
        return before.endsWith(" IN") || before.endsWith("VALUES") || before.endsWith("(...),") || before.equals("IN");
    }
}
