package dev.keel.partition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range partition's bounds as ordinals, read from the catalog's text ({@code pg_get_expr(relpartbound)}), a
 * timestamptz with the offset of the session's zone. MINVALUE and MAXVALUE become the ends of the long range.
 */
public record PartitionBound(long lower, long upper) {
    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");
    private static final Pattern TIME =
            Pattern.compile("'?(\\d{4,})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?)?"
                    + "(?:([+-])(\\d{2})(?::?(\\d{2}))?)?'?");

    /** Null for a default or list partition, or bounds over more than one column. */
    public static PartitionBound parse(String expression, KeyType keyType) {
        if (expression == null) {
            return null;
        }
        Matcher m = RANGE.matcher(expression.trim());
        if (!m.matches() || m.group(1).contains(",") || m.group(2).contains(",")) {
            return null;
        }
        return new PartitionBound(
                ordinal(m.group(1), keyType, Long.MIN_VALUE), ordinal(m.group(2), keyType, Long.MAX_VALUE));
    }

    private static long ordinal(String value, KeyType keyType, long unbounded) {
        String v = value.trim();
        if (v.equalsIgnoreCase("MINVALUE") || v.equalsIgnoreCase("MAXVALUE")) {
            return v.equalsIgnoreCase("MINVALUE") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (keyType == KeyType.INTEGER) {
            return Long.parseLong(v.replace("'", ""));
        }
        Matcher t = TIME.matcher(v);
        if (!t.matches()) {
            return unbounded;
        }
        LocalDate day =
                LocalDate.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), Integer.parseInt(t.group(3)));
        LocalDateTime at = t.group(4) == null
                ? day.atStartOfDay()
                : day.atTime(Integer.parseInt(t.group(4)), Integer.parseInt(t.group(5)), Integer.parseInt(t.group(6)));
        long offset = t.group(7) == null
                ? 0
                : (t.group(7).equals("-") ? -1 : 1)
                        * (Integer.parseInt(t.group(8)) * 3600L
                                + (t.group(9) == null ? 0 : Integer.parseInt(t.group(9)) * 60L));
        // A timestamptz prints in the session's zone: its offset is taken off to get UTC.
        return at.toEpochSecond(ZoneOffset.UTC) - offset;
    }

    public boolean overlaps(long from, long to) {
        return lower < to && from < upper;
    }
}
