package dev.keel.partition;

import static dev.keel.sql.Identifiers.qualified;
import static dev.keel.sql.Identifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which buckets of a set have rows in its default partition: the default's smallest and largest key give the candidate
 * buckets (at most {@link #CANDIDATES}, none past retention), and one query over a VALUES list of their ranges keeps
 * those that hold a row. Two statements per set however many buckets are tried.
 */
public final class DefaultRows {
    /** A stray far-future key must not make maintenance try thousands of ranges in one run. */
    static final int CANDIDATES = 500;

    private DefaultRows() {}

    public static Set<Long> buckets(Connection c, PartitionSet set, String defaultPartition, Long cutoff)
            throws SQLException {
        PartitionInterval width = set.width();
        String table = qualified(set.schema(), defaultPartition);
        String key = ordinal(quote(set.keyColumn()), set.keyType());
        long min;
        long max;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT min(" + key + "), max(" + key + ") FROM ONLY " + table)) {
            rs.next();
            min = rs.getLong(1);
            if (rs.wasNull()) {
                return Set.of();
            }
            max = rs.getLong(2);
        }
        long first = width.bucketOf(min);
        if (cutoff != null) {
            first = Math.max(first, width.bucketOf(cutoff));
        }
        long last = Math.min(width.bucketOf(max), first + CANDIDATES - 1);
        if (last < first) {
            return Set.of();
        }
        List<String> rows = new ArrayList<>();
        for (long b = first; b <= last; b++) {
            rows.add("(" + b + ", " + width.literal(width.lower(b)) + ", " + width.literal(width.lower(b + 1)) + ")");
        }
        String type = sqlType(set.keyType());
        Set<Long> out = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v.b FROM (VALUES " + String.join(", ", rows) + ") AS v(b, lo, hi)"
                        + " WHERE EXISTS (SELECT 1 FROM ONLY " + table + " d WHERE d." + quote(set.keyColumn())
                        + " >= v.lo::" + type + " AND d." + quote(set.keyColumn()) + " < v.hi::" + type + ")")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The key as an ordinal: epoch seconds of a time (read in UTC), the value of an integer. */
    static String ordinal(String column, KeyType type) {
        return type == KeyType.INTEGER ? column + "::bigint" : "extract(epoch FROM " + column + "::timestamp)::bigint";
    }

    static String sqlType(KeyType type) {
        return switch (type) {
            case TIMESTAMPTZ -> "timestamptz";
            case TIMESTAMP -> "timestamp";
            case DATE -> "date";
            case INTEGER -> "bigint";
        };
    }
}
