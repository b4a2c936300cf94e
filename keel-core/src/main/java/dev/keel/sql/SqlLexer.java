package dev.keel.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way the server reads it: semicolons inside
 * quotes, dollar quotes, comments (nested), parentheses and BEGIN ATOMIC bodies do not end a
 * statement. A backslash outside quotes is a psql meta-command, which keel refuses rather than
 * sending half a script.
 */
public final class SqlLexer {
    private final String text;
    private final int[] lineStarts;
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    public static List<SqlStatement> split(String script) {
        return new SqlLexer(script).statements();
    }

    /** All tokens of a script, for callers that analyse text that is not split. */
    public static List<SqlToken> tokens(String script) {
        SqlLexer lexer = new SqlLexer(script);
        List<SqlToken> all = new ArrayList<>();
        SqlToken token;
        while ((token = lexer.next()) != null) {
            all.add(token);
        }
        return all;
    }

    private List<SqlStatement> statements() {
        List<SqlStatement> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int parenDepth = 0;
        int atomicDepth = 0;
        SqlToken token;
        while ((token = next()) != null) {
            if (token.type() == SqlToken.Type.SYMBOL) {
                switch (token.text()) {
                    case "(" -> parenDepth++;
                    case ")" -> parenDepth = Math.max(0, parenDepth - 1);
                    case ";" -> {
                        if (parenDepth == 0 && atomicDepth == 0) {
                            addStatement(statements, current, token.offset());
                            current = new ArrayList<>();
                            continue;
                        }
                    }
                    default -> {}
                }
            } else if (token.type() == SqlToken.Type.WORD) {
                atomicDepth = atomicDepth(current, token, atomicDepth);
            }
            current.add(token);
        }
        addStatement(statements, current, text.length());
        return statements;
    }

    /**
     * A SQL-standard function body (BEGIN ATOMIC … END) holds semicolons; CASE … END nests inside it.
     */
    private static int atomicDepth(List<SqlToken> current, SqlToken token, int depth) {
        if (depth == 0) {
            boolean afterBegin =
                    !current.isEmpty() && current.get(current.size() - 1).isWord("BEGIN");
            return token.isWord("ATOMIC") && afterBegin ? 1 : 0;
        }
        if (token.isWord("CASE")) {
            return depth + 1;
        }
        if (token.isWord("END")) {
            return depth - 1;
        }
        return depth;
    }

    private void addStatement(List<SqlStatement> statements, List<SqlToken> tokens, int end) {
        if (tokens.isEmpty()) {
            return;
        }
        int start = tokens.get(0).offset();
        String sql = text.substring(start, end).stripTrailing();
        int line = lineOf(start);
        int column = start - lineStarts[line - 1] + 1;
        statements.add(new SqlStatement(sql, line, column, start, tokens));
    }

    private SqlToken next() {
        skipWhitespaceAndComments();
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        char c = text.charAt(pos);
        char n = peek(1);
        if ((c == 'E' || c == 'e') && n == '\'') {
            pos++;
            return quoted(start, true);
        }
        if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && n == '\'') {
            pos++;
            return quoted(start, false);
        }
        if ((c == 'U' || c == 'u') && n == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            pos += 2;
            return peek(0) == '\'' ? quoted(start, false) : quotedIdentifier(start);
        }
        if (c == '\'') {
            return quoted(start, false);
        }
        if (c == '"') {
            return quotedIdentifier(start);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isIdentifierStart(c)) {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            return new SqlToken(SqlToken.Type.WORD, text.substring(start, pos), start);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(n))) {
            return number(start);
        }
        if (c == '\\') {
            throw metaCommand(start);
        }
        pos++;
        return new SqlToken(SqlToken.Type.SYMBOL, String.valueOf(c), start);
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated(
                "unterminated /* comment", start, "close every /* with */ (PostgreSQL nests block comments)");
    }

    /** A single-quoted literal; {@code escapes} for E'' strings, where a backslash escapes the next character. */
    private SqlToken quoted(int start, boolean escapes) {
        int quote = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (escapes && c == '\\') {
                pos += 2;
            } else if (c == '\'') {
                if (peek(1) == '\'') {
                    pos += 2;
                } else {
                    pos++;
                    return new SqlToken(SqlToken.Type.STRING, text.substring(start, pos), start);
                }
            } else {
                pos++;
            }
        }
        throw unterminated(
                "unterminated quoted string", quote, "close the string with ' (write '' for a quote inside it)");
    }

    private SqlToken quotedIdentifier(int start) {
        int quote = pos;
        pos++;
        while (pos < text.length()) {
            if (text.charAt(pos) == '"') {
                if (peek(1) == '"') {
                    pos += 2;
                } else {
                    pos++;
                    return new SqlToken(SqlToken.Type.QUOTED_IDENTIFIER, text.substring(start, pos), start);
                }
            } else {
                pos++;
            }
        }
        throw unterminated(
                "unterminated quoted identifier",
                quote,
                "close the identifier with \" (write \"\" for a quote inside it)");
    }

    private SqlToken dollar(int start) {
        int i = pos + 1;
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            pos = i;
            return new SqlToken(SqlToken.Type.PARAMETER, text.substring(start, pos), start);
        }
        while (i < text.length() && text.charAt(i) != '$' && isTagPart(text.charAt(i), i == pos + 1)) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '$') {
            pos++;
            return new SqlToken(SqlToken.Type.SYMBOL, "$", start);
        }
        String tag = text.substring(pos, i + 1);
        int close = text.indexOf(tag, i + 1);
        if (close < 0) {
            throw unterminated("unterminated dollar-quoted string " + tag, start, "close the body with " + tag);
        }
        pos = close + tag.length();
        return new SqlToken(SqlToken.Type.DOLLAR_STRING, text.substring(start, pos), start);
    }

    private SqlToken number(int start) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
                pos++;
            } else {
                break;
            }
        }
        return new SqlToken(SqlToken.Type.NUMBER, text.substring(start, pos), start);
    }

    private SqlSyntaxException metaCommand(int start) {
        int end = start + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        int line = lineOf(start);
        return new SqlSyntaxException(
                "psql meta-command " + text.substring(start, end) + " is not SQL",
                line,
                start - lineStarts[line - 1] + 1,
                "keel sends plain SQL to the server; remove the meta-command or move it to a psql script");
    }

    private SqlSyntaxException unterminated(String problem, int start, String todo) {
        int line = lineOf(start);
        return new SqlSyntaxException(problem, line, start - lineStarts[line - 1] + 1, todo);
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80 && c != '\uFEFF';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }

    private static boolean isTagPart(char c, boolean first) {
        return first ? isIdentifierStart(c) : isIdentifierStart(c) || Character.isDigit(c);
    }

    /** 1-based line of an offset. */
    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
