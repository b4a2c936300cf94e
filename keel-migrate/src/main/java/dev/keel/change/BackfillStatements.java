package dev.keel.change;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL of a backfill batch over a range of the key: {@code (from, to]}, open-ended when {@code from} or {@code to}
 * is missing. A range needs one index range scan where a list of keys joined back to the table needed a probe per
 * row, and it covers every row of the range, not only the ones a snapshot listed.
 */
final class BackfillStatements {
    private final Action.Backfill target;
    private final String table;
    private final String cols;

    BackfillStatements(Action.Backfill target) {
        this.target = target;
        this.table = Identifiers.qualified(target.schema(), target.table());
        this.cols = target.key().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    String table() {
        return table;
    }

    private String bound() {
        return IntStream.range(0, target.key().size())
                .mapToObj(i -> "?::" + target.keyTypes().get(i))
                .collect(Collectors.joining(", "));
    }

    /** The key {@code ?} rows after {@code from} (as text, one column per key column); no row when fewer are left. */
    String upperBound(boolean hasFrom) {
        // ORDER BY a bare name would sort by the output column of that name, the key as text.
        String text = target.key().stream().map(k -> "t." + quote(k) + "::text").collect(Collectors.joining(", "));
        String order = target.key().stream().map(k -> "t." + quote(k)).collect(Collectors.joining(", "));
        return "SELECT " + text + " FROM " + table + " t" + (hasFrom ? " WHERE (" + cols + ") > (" + bound() + ")" : "")
                + " ORDER BY " + order + " OFFSET ? LIMIT 1";
    }

    /**
     * Touches every row of the range. Direct: sets each new column from its {@code up} expression, as the trigger
     * would for a session on the old shape (the caller makes the trigger skip the rows); otherwise sets a filled column (or
     * the key) to itself, so the trigger computes them.
     */
    String update(boolean direct, boolean hasFrom, boolean hasTo) {
        if (target.copy() != null) {
            return copy(hasFrom, hasTo);
        }
        String set = direct
                ? target.fills().stream()
                        .map(f -> quote(f.column()) + " = (" + f.expression() + ")")
                        .collect(Collectors.joining(", "))
                : touched() + " = " + touched();
        String where = hasFrom ? "(" + cols + ") > (" + bound() + ")" : "";
        if (hasTo) {
            where += (where.isEmpty() ? "" : " AND ") + "(" + cols + ") <= (" + bound() + ")";
        }
        return "UPDATE " + table + " SET " + set + (where.isEmpty() ? "" : " WHERE " + where);
    }

    /**
     * Copies the range into the new table. FOR KEY SHARE makes a row deleted (or moved to another key) after this
     * statement's snapshot wait for the delete's commit and drop out, instead of being copied back after the
     * trigger removed it from the new table; an update of other columns passes, and ON CONFLICT keeps the newer row
     * the trigger wrote.
     */
    private String copy(boolean hasFrom, boolean hasTo) {
        Action.Copy copy = target.copy();
        String columns = copy.columns().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String where = hasFrom ? "(" + cols + ") > (" + bound() + ")" : "";
        if (hasTo) {
            where += (where.isEmpty() ? "" : " AND ") + "(" + cols + ") <= (" + bound() + ")";
        }
        return "INSERT INTO " + Identifiers.qualified(target.schema(), copy.table()) + " (" + columns + ")"
                + (copy.overriding() ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT " + columns + " FROM " + table
                + (where.isEmpty() ? "" : " WHERE " + where) + " FOR KEY SHARE ON CONFLICT DO NOTHING";
    }

    /**
     * The column a trigger-driven batch sets to itself: a filled column, which the trigger overwrites anyway, rather
     * than the key, which an identity column GENERATED ALWAYS refuses to be set to anything but DEFAULT.
     */
    private String touched() {
        return quote(
                target.fills().isEmpty()
                        ? target.key().get(0)
                        : target.fills().get(0).column());
    }

    /**
     * Enabled row triggers that run before an update, other than keel's own. One of them could change a column an
     * {@code up} expression reads after a direct update computed it, so their presence keeps the trigger in charge.
     */
    String otherBeforeUpdateTriggers() {
        // tgtype bits: 1 row, 2 before, 16 update.
        return "SELECT count(*) FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal AND tgenabled <> 'D'"
                + " AND tgname <> ? AND tgtype & 19 = 19";
    }

    /** The fills as the direct update writes them, when they compile and each type converts by assignment. */
    String probe() {
        return "EXPLAIN " + update(true, false, false) + " WHERE false";
    }

    List<String> key() {
        return target.key();
    }
}
