package dev.keel.stats;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lines up a statement as a client sent it ({@code status = 'pending'}, seen in pg_stat_activity)
 * with its normalized text from pg_stat_statements ({@code status = $1}) and reads off the literal
 * behind each {@code $n}. Only plain literals are taken: numbers, standard strings and booleans.
 * Anything else in a parameter's place (an E'' string, an expression, a {@code $1} sent by an
 * extended-protocol client) yields nothing, so a sample is either whole or absent.
 *
 * <p>The literals are later put back into the normalized text to plan the statement with real
 * values. Only the text pg_stat_statements stored is ever run (one statement, its structure);
 * from the client's text keel keeps nothing but values that {@link #isLiteral} accepts, which
 * cannot end a string or start another statement.
 */
public final class LiteralAlignment {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private LiteralAlignment() {}

    /**
     * @return the literal for $1, $2 … in order, as SQL text; empty when the two texts are not the
     *         same statement, when a parameter's place holds something other than a plain literal,
     *         or when the normalized text has no parameters
     */
    public static Optional<List<String>> literals(String normalized, String sent) {
        List<SqlToken> shape = SqlLexer.tokens(normalized);
        List<SqlToken> seen = new ArrayList<>(SqlLexer.tokens(sent));
        while (!seen.isEmpty() && seen.get(seen.size() - 1).text().equals(";")) {
            seen.remove(seen.size() - 1);
        }
        String[] values = new String[parameterCount(shape)];
        if (values.length == 0) {
            return Optional.empty();
        }
        int j = 0;
        for (SqlToken expected : shape) {
            if (j >= seen.size()) {
                return Optional.empty();
            }
            if (expected.type() == SqlToken.Type.PARAMETER) {
                int n = Integer.parseInt(expected.text().substring(1)) - 1;
                SqlToken first = seen.get(j);
                String literal;
                // pg_stat_statements counts a leading minus as part of the constant: -5 becomes $1.
                if (first.text().equals("-")
                        && j + 1 < seen.size()
                        && seen.get(j + 1).type() == SqlToken.Type.NUMBER) {
                    literal = "-" + seen.get(j + 1).text();
                    j += 2;
                } else {
                    literal = first.type() == SqlToken.Type.WORD ? first.text().toLowerCase(Locale.ROOT) : first.text();
                    j++;
                }
                if (!isLiteral(literal) || (values[n] != null && !values[n].equals(literal))) {
                    return Optional.empty();
                }
                values[n] = literal;
            } else if (!same(expected, seen.get(j++))) {
                return Optional.empty();
            }
        }
        if (j != seen.size() || Arrays.stream(values).anyMatch(v -> v == null)) {
            return Optional.empty();
        }
        return Optional.of(List.of(values));
    }

    /**
     * A number, a standard single-quoted string, true, false or null: text that is one value and
     * nothing else (with standard_conforming_strings on, which planning sets).
     */
    public static boolean isLiteral(String text) {
        return NUMBER.matcher(text).matches()
                || STRING.matcher(text).matches()
                || text.equals("true")
                || text.equals("false")
                || text.equals("null");
    }

    /** The normalized text with each $n replaced by its literal; every literal is checked again here. */
    public static String substitute(String normalized, List<String> literals) {
        for (String literal : literals) {
            if (!isLiteral(literal)) {
                throw new IllegalArgumentException(
                        "not a plain SQL literal: a sample must hold only numbers, strings and booleans");
            }
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (SqlToken token : SqlLexer.tokens(normalized)) {
            if (token.type() == SqlToken.Type.PARAMETER) {
                int n = Integer.parseInt(token.text().substring(1)) - 1;
                if (n >= literals.size()) {
                    throw new IllegalArgumentException(
                            "the sample has " + literals.size() + " values, the statement uses " + token.text());
                }
                out.append(normalized, from, token.offset()).append(literals.get(n));
                from = token.offset() + token.text().length();
            }
        }
        return out.append(normalized.substring(from)).toString();
    }

    private static int parameterCount(List<SqlToken> tokens) {
        return tokens.stream()
                .filter(t -> t.type() == SqlToken.Type.PARAMETER)
                .mapToInt(t -> Integer.parseInt(t.text().substring(1)))
                .max()
                .orElse(0);
    }

    private static boolean same(SqlToken expected, SqlToken actual) {
        if (expected.type() != actual.type()) {
            return false;
        }
        return expected.type() == SqlToken.Type.WORD
                ? expected.upper().equals(actual.upper())
                : expected.text().equals(actual.text());
    }
}
