package dev.keel.projection;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlSyntaxException;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query of a summary, read for what incremental refresh needs: one table, grouped by a time bucket of the
 * {@code incremental_by} column (date_trunc or date_bin), nothing that depends on other tables or on when it runs.
 * Then a bucket's aggregates depend only on the table's rows in that bucket, so a change to some rows is repaired by
 * recomputing their buckets alone. Whatever breaks that is refused with the reason.
 *
 * @param tableText the table as the query names it, possibly schema-qualified
 * @param schema its schema when the query names one, else null
 * @param table its name
 * @param correlation the name the query's other clauses use for it: its alias, or the table's name
 * @param bucketExpression the select item's expression that computes the bucket
 * @param bucketColumn the summary's column holding the bucket
 * @param width an interval expression: one bucket's width
 */
public record SummaryQuery(
        String query,
        String column,
        String tableText,
        String schema,
        String table,
        String correlation,
        String bucketExpression,
        String bucketColumn,
        String width,
        int fromStart,
        int fromEnd) {

    /** The query cannot be refreshed incrementally; {@code offset} is where in the query text the reason lies. */
    public static final class Refused extends Exception {
        private final int offset;

        Refused(String reason, int offset) {
            super(reason);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final Set<String> CLAUSES = Set.of(
            "FROM",
            "WHERE",
            "GROUP",
            "HAVING",
            "WINDOW",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "FETCH",
            "FOR",
            "UNION",
            "INTERSECT",
            "EXCEPT");

    /** Functions whose result depends on when or how often the query runs: buckets computed at two times differ. */
    private static final Set<String> VOLATILE = Set.of(
            "NOW",
            "CURRENT_TIMESTAMP",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "LOCALTIMESTAMP",
            "LOCALTIME",
            "CLOCK_TIMESTAMP",
            "STATEMENT_TIMESTAMP",
            "TRANSACTION_TIMESTAMP",
            "TIMEOFDAY",
            "RANDOM",
            "NEXTVAL");

    private static final Map<String, String> TRUNC_WIDTHS = Map.of(
            "minute", "1 minute",
            "hour", "1 hour",
            "day", "1 day",
            "week", "1 week",
            "month", "1 month",
            "quarter", "3 months",
            "year", "1 year");

    public static SummaryQuery parse(String query, String column) throws Refused {
        List<SqlToken> t;
        try {
            t = SqlLexer.tokens(query);
        } catch (SqlSyntaxException e) {
            throw new Refused("the query does not parse: " + e.getMessage(), 0);
        }
        if (t.isEmpty() || !t.get(0).isWord("SELECT")) {
            throw new Refused("a summary's query is one SELECT (no WITH, no VALUES)", 0);
        }
        int depth = 0;
        int from = -1;
        int where = -1;
        int groupBy = -1;
        int groupEnd = -1;
        List<Integer> clauses = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            SqlToken k = t.get(i);
            if (is(k, "(")) {
                depth++;
                if (i + 1 < t.size() && t.get(i + 1).isWord("SELECT")) {
                    throw new Refused(
                            "a subquery reads other rows than the bucket's: a change there would not say which buckets to"
                                    + " recompute",
                            k.offset());
                }
            } else if (is(k, ")")) {
                depth--;
            } else if (is(k, ";")) {
                throw new Refused("the query must be a single statement", k.offset());
            } else if (k.upper() != null && VOLATILE.contains(k.upper())) {
                throw new Refused(
                        k.text() + " depends on when the query runs: a bucket recomputed later would differ",
                        k.offset());
            } else if (k.isWord("OVER")) {
                throw new Refused(
                        "window functions read rows of other buckets: refresh could not recompute one alone",
                        k.offset());
            } else if (depth == 0 && k.upper() != null && CLAUSES.contains(k.upper())) {
                clauses.add(i);
                switch (k.upper()) {
                    case "FROM" -> from = i;
                    case "WHERE" -> where = i;
                    case "GROUP" -> groupBy = i;
                    case "UNION", "INTERSECT", "EXCEPT" ->
                        throw new Refused(
                                k.upper() + " combines several queries: a summary is one grouped SELECT", k.offset());
                    case "ORDER", "LIMIT", "OFFSET", "FETCH" ->
                        throw new Refused(
                                k.upper() + " picks rows across buckets: drop it (order when you read the summary)",
                                k.offset());
                    case "WINDOW" ->
                        throw new Refused(
                                "window functions read rows of other buckets: refresh could not recompute one alone",
                                k.offset());
                    case "FOR" -> throw new Refused("a summary's query takes no locks", k.offset());
                    default -> {}
                }
            }
        }
        if (from < 0) {
            throw new Refused("the query reads no table: name the one it summarises in FROM", 0);
        }
        if (groupBy < 0) {
            throw new Refused("the query has no GROUP BY: a summary groups rows by a time bucket of " + column, 0);
        }
        int fromEnd = next(clauses, from, t.size());
        Source source = source(t, from, fromEnd, query);
        if (t.size() > 1 && t.get(1).isWord("DISTINCT")) {
            throw new Refused(
                    "DISTINCT is not needed in a grouped summary: the groups are distinct",
                    t.get(1).offset());
        }
        groupEnd = next(clauses, groupBy, t.size());
        if (groupBy + 1 >= t.size() || !t.get(groupBy + 1).isWord("BY")) {
            throw new Refused("GROUP must be followed by BY", t.get(groupBy).offset());
        }
        List<List<SqlToken>> groups = split(t, groupBy + 2, groupEnd);
        for (List<SqlToken> g : groups) {
            if (!g.isEmpty()
                    && (g.get(0).isWord("ROLLUP")
                            || g.get(0).isWord("CUBE")
                            || g.get(0).isWord("GROUPING"))) {
                throw new Refused(
                        "grouping sets mix buckets: group by plain expressions",
                        g.get(0).offset());
            }
        }
        List<List<SqlToken>> items = split(t, 1, from);
        Bucket bucket = null;
        for (int i = 0; i < items.size(); i++) {
            Bucket b = bucket(items.get(i), i + 1, column, source, query);
            if (b == null) {
                continue;
            }
            if (bucket != null) {
                throw new Refused(
                        "two select items bucket " + column + ": keep one",
                        items.get(i).get(0).offset());
            }
            bucket = b;
            if (!grouped(b, groups, query)) {
                throw new Refused(
                        "GROUP BY must include the bucket " + b.output(),
                        t.get(groupBy).offset());
            }
        }
        if (bucket == null) {
            throw new Refused(
                    "no select item buckets " + column + ": add date_trunc('day', " + column
                            + ") AS day (or date_bin) and group by it",
                    0);
        }
        return new SummaryQuery(
                query,
                column,
                source.text(),
                source.schema(),
                source.table(),
                source.correlation(),
                bucket.expression(),
                bucket.output(),
                bucket.width(),
                t.get(from + 1).offset(),
                fromEnd < t.size() ? t.get(fromEnd).offset() : query.length());
    }

    /**
     * The query over only the rows whose column lies in [?, ?): the FROM table becomes a subquery with that range, so
     * an index on the column serves it, under the name the rest of the query uses.
     */
    public String overRange(String columnType) {
        String range = "(SELECT * FROM " + tableText + " WHERE " + quote(column) + " >= ?::" + columnType + " AND "
                + quote(column) + " < ?::" + columnType + ") AS " + correlation;
        return query.substring(0, fromStart) + range + " " + query.substring(fromEnd);
    }

    /**
     * The query with its table qualified by {@code schema} when it names none, so it reads the same table whatever the
     * search_path of the session that refreshes it.
     */
    public String qualified(String schema) {
        if (this.schema != null) {
            return query;
        }
        int at = query.indexOf(tableText, fromStart);
        return query.substring(0, at) + quote(schema) + "." + quote(table) + query.substring(at + tableText.length());
    }

    /** The bucket that a value of the column falls in, as a scalar SQL expression over {@code value}. */
    public String bucketOf(String value) {
        return "(SELECT " + bucketExpression + " FROM (SELECT " + value + " AS " + quote(column) + ") AS " + correlation
                + ")";
    }

    private record Source(String text, String schema, String table, String correlation) {}

    private record Bucket(String expression, String output, String width, int position, List<SqlToken> tokens) {}

    private static Source source(List<SqlToken> t, int from, int end, String query) throws Refused {
        List<SqlToken> f = t.subList(from + 1, end);
        String refusal = "FROM must name one table: with a join, several tables or a subquery, a change elsewhere would"
                + " not say which buckets to recompute";
        for (SqlToken k : f) {
            if (is(k, ",")
                    || is(k, "(")
                    || k.isWord("JOIN")
                    || k.isWord("LATERAL")
                    || k.isWord("ONLY")
                    || k.isWord("TABLESAMPLE")) {
                throw new Refused(refusal, k.offset());
            }
        }
        if (f.isEmpty() || !name(f.get(0))) {
            throw new Refused(refusal, t.get(from).offset());
        }
        String schema = null;
        String table = unquote(f.get(0));
        int i = 1;
        if (f.size() >= 3 && is(f.get(1), ".") && name(f.get(2))) {
            schema = table;
            table = unquote(f.get(2));
            i = 3;
        }
        String text = query.substring(
                f.get(0).offset(), f.get(i - 1).offset() + f.get(i - 1).text().length());
        String correlation = quote(table);
        if (i < f.size() && f.get(i).isWord("AS")) {
            i++;
        }
        if (i < f.size()) {
            if (!name(f.get(i)) || i + 1 != f.size()) {
                throw new Refused(refusal, f.get(i).offset());
            }
            correlation = quote(unquote(f.get(i)));
        }
        return new Source(text, schema, table, correlation);
    }

    private static Bucket bucket(List<SqlToken> item, int position, String column, Source source, String query)
            throws Refused {
        int asAt = -1;
        for (int i = item.size() - 1; i > 0; i--) {
            if (item.get(i).isWord("AS")) {
                asAt = i;
                break;
            }
        }
        List<SqlToken> expr = asAt > 0 ? item.subList(0, asAt) : item;
        String output = asAt > 0 ? unquote(item.get(item.size() - 1)) : null;
        int last = item.size() - 1;
        if (asAt < 0 && last > 0 && name(item.get(last)) && is(item.get(last - 1), ")")) {
            // An alias without AS: date_trunc('day', at) day
            expr = item.subList(0, last);
            output = unquote(item.get(last));
        }
        if (expr.size() < 4 || !is(expr.get(1), "(")) {
            return null;
        }
        String function = expr.get(0).upper();
        if (!"DATE_TRUNC".equals(function) && !"DATE_BIN".equals(function)) {
            return null;
        }
        List<List<SqlToken>> args = split(expr, 2, expr.size() - 1);
        if (args.size() < 2 || !refersTo(args.get(1), column, source)) {
            return null;
        }
        String width;
        if ("DATE_TRUNC".equals(function)) {
            List<SqlToken> unit = args.get(0);
            String u = unit.size() == 1 && unit.get(0).type() == SqlToken.Type.STRING
                    ? unit.get(0).text().replace("'", "").toLowerCase(Locale.ROOT)
                    : "";
            width = TRUNC_WIDTHS.get(u);
            if (width == null) {
                throw new Refused(
                        "date_trunc's unit must be one of "
                                + String.join(
                                        ", ",
                                        TRUNC_WIDTHS.keySet().stream().sorted().toList()),
                        unit.isEmpty() ? expr.get(0).offset() : unit.get(0).offset());
            }
            width = "interval '" + width + "'";
        } else {
            List<SqlToken> stride = args.get(0);
            width = "(" + text(stride, query) + ")::interval";
        }
        String expression = text(expr, query);
        return new Bucket(
                expression, output != null ? output : function.toLowerCase(Locale.ROOT), width, position, expr);
    }

    private static boolean grouped(Bucket b, List<List<SqlToken>> groups, String query) {
        String expression = normalised(b.tokens());
        for (List<SqlToken> g : groups) {
            if (g.size() == 1
                    && g.get(0).type() == SqlToken.Type.NUMBER
                    && g.get(0).text().equals(String.valueOf(b.position()))) {
                return true;
            }
            if (g.size() == 1 && name(g.get(0)) && unquote(g.get(0)).equals(b.output())) {
                return true;
            }
            if (normalised(g).equals(expression)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersTo(List<SqlToken> arg, String column, Source source) {
        if (arg.size() == 1) {
            return name(arg.get(0)) && unquote(arg.get(0)).equals(column);
        }
        return arg.size() == 3
                && is(arg.get(1), ".")
                && name(arg.get(2))
                && unquote(arg.get(2)).equals(column)
                && (quote(unquote(arg.get(0))).equals(source.correlation())
                        || unquote(arg.get(0)).equals(source.table()));
    }

    /** Top-level comma-separated lists between {@code from} and {@code to}. */
    private static List<List<SqlToken>> split(List<SqlToken> t, int from, int to) {
        List<List<SqlToken>> parts = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            SqlToken k = t.get(i);
            if (is(k, "(") || is(k, "[")) {
                depth++;
            } else if (is(k, ")") || is(k, "]")) {
                depth--;
            }
            if (depth == 0 && is(k, ",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(k);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static int next(List<Integer> clauses, int after, int end) {
        for (int c : clauses) {
            if (c > after) {
                return c;
            }
        }
        return end;
    }

    private static String text(List<SqlToken> tokens, String query) {
        SqlToken last = tokens.get(tokens.size() - 1);
        return query.substring(
                tokens.get(0).offset(), last.offset() + last.text().length());
    }

    private static String normalised(List<SqlToken> tokens) {
        StringBuilder s = new StringBuilder();
        for (SqlToken k : tokens) {
            s.append(
                            k.upper() != null
                                    ? k.upper()
                                    : k.type() == SqlToken.Type.QUOTED_IDENTIFIER ? unquote(k) : k.text())
                    .append(' ');
        }
        return s.toString();
    }

    private static boolean is(SqlToken k, String symbol) {
        return k.type() == SqlToken.Type.SYMBOL && k.text().equals(symbol);
    }

    private static boolean name(SqlToken k) {
        return k.type() == SqlToken.Type.WORD || k.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }

    private static String unquote(SqlToken k) {
        if (k.type() == SqlToken.Type.QUOTED_IDENTIFIER) {
            String s = k.text();
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return k.text().toLowerCase(Locale.ROOT);
    }
}
