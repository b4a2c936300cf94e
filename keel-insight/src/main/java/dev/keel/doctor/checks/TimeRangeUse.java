package dev.keel.doctor.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the statements seen in pg_stat_statements use a table's date and time columns: reads that filter a range of
 * one (which partitions by that column would prune to a few partitions) and deletes of old rows by one (which
 * dropping a partition would replace). Reads the normalised statement text; a reference it cannot recognise is
 * simply not counted, so the advice errs towards silence.
 */
final class TimeRangeUse {

    /** One statement as pg_stat_statements keeps it. */
    record Statement(long queryId, String query, long calls) {}

    /** What the statements do with one column. */
    record ColumnUse(String column, long rangeReadCalls, long oldRowDeleteCalls, List<Long> queryIds) {
        boolean any() {
            return rangeReadCalls > 0 || oldRowDeleteCalls > 0;
        }
    }

    private TimeRangeUse() {}

    static Map<String, ColumnUse> of(String schema, String table, List<String> columns, List<Statement> statements) {
        Pattern mentions = Pattern.compile(
                "(^|[^\\w$.\"])(\"?" + Pattern.quote(schema) + "\"?\\s*\\.\\s*)?\"?" + Pattern.quote(table)
                        + "\"?($|[^\\w$\"])",
                Pattern.CASE_INSENSITIVE);
        Pattern deletes = Pattern.compile(
                "^\\s*DELETE\\s+FROM\\s+(ONLY\\s+)?(\"?" + Pattern.quote(schema) + "\"?\\s*\\.\\s*)?\"?"
                        + Pattern.quote(table) + "\"?($|[^\\w$\"])",
                Pattern.CASE_INSENSITIVE);
        Map<String, ColumnUse> uses = new LinkedHashMap<>();
        for (String column : columns) {
            Pattern range = Pattern.compile(
                    "(^|[^\\w$\"])\"?" + Pattern.quote(column) + "\"?\\s*(>=|<=|>|<|BETWEEN\\b)",
                    Pattern.CASE_INSENSITIVE);
            Pattern before = Pattern.compile(
                    "(^|[^\\w$\"])\"?" + Pattern.quote(column) + "\"?\\s*(<=|<)", Pattern.CASE_INSENSITIVE);
            long reads = 0;
            long deleted = 0;
            List<Long> ids = new ArrayList<>();
            for (Statement s : statements) {
                String q = s.query();
                if (!mentions.matcher(q).find() || !range.matcher(q).find()) {
                    continue;
                }
                if (deletes.matcher(q).find()) {
                    if (!before.matcher(q).find()) {
                        continue;
                    }
                    deleted += s.calls();
                } else if (q.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")
                        || q.strip().toUpperCase(Locale.ROOT).startsWith("WITH")) {
                    reads += s.calls();
                } else {
                    continue;
                }
                ids.add(s.queryId());
            }
            uses.put(column, new ColumnUse(column, reads, deleted, List.copyOf(ids)));
        }
        return uses;
    }

    /** The column partitioning would pay most for: old rows deleted by it first, then the most range reads. */
    static ColumnUse best(Map<String, ColumnUse> uses) {
        return uses.values().stream()
                .filter(ColumnUse::any)
                .max(Comparator.comparing((ColumnUse u) -> u.oldRowDeleteCalls() > 0)
                        .thenComparingLong(u -> u.rangeReadCalls() + u.oldRowDeleteCalls()))
                .orElse(null);
    }
}
