package dev.keel.projection;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Refreshes a summary incrementally: takes the ranges of the column that writes touched since the last refresh,
 * widens them to whole buckets, merges them, and recomputes those buckets alone from the table, all in one
 * repeatable-read transaction. The pending ranges it consumes and the rows it reads belong to the same snapshot, so
 * a write that commits meanwhile is neither lost nor applied twice: its range stays pending for the next refresh. A
 * refresh that is killed rolls back whole, its ranges still pending; the next one does its work.
 */
public final class SummaryRefresh {

    /** What one refresh did: the bucket ranges recomputed and the summary rows they hold now. */
    public record Result(int ranges, long rows) {}

    private final Connection connection;

    public SummaryRefresh(Connection connection) {
        this.connection = connection;
    }

    /** Two refreshes of one summary at once would consume each other's ranges: the second waits for the first. */
    public Result run(SummaryDefinition d) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, lockKey(d));
            lock.execute();
        }
        try {
            return refresh(d);
        } finally {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, lockKey(d));
                unlock.execute();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    static String lockKey(SummaryDefinition d) {
        return "keel summary " + d.qualifiedName();
    }

    private Result refresh(SummaryDefinition d) throws SQLException {
        SummaryQuery q = d.parsed();
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                s.execute("SET LOCAL search_path = " + quote(d.schema()));
                s.execute(SummarySql.timeZoneSetting(d));
            }
            String rangeType = rangeType(d, q);
            List<String[]> ranges = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(merged(d, q, rangeType))) {
                while (rs.next()) {
                    ranges.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            long rows = 0;
            String bucket = quote(q.bucketColumn());
            String bucketType =
                    rangeType.equals("daterange") ? "date" : rangeType.equals("tsrange") ? "timestamp" : "timestamptz";
            for (String[] r : ranges) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + d.table() + " WHERE ("
                        + "?::" + bucketType + " IS NULL OR " + bucket + " >= ?::" + bucketType + ") AND (?::"
                        + bucketType + " IS NULL OR " + bucket + " < ?::" + bucketType + ")")) {
                    delete.setString(1, r[0]);
                    delete.setString(2, r[0]);
                    delete.setString(3, r[1]);
                    delete.setString(4, r[1]);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO " + d.table() + " " + q.overRange(d.columnType()))) {
                    insert.setString(1, r[0] == null ? "-infinity" : r[0]);
                    insert.setString(2, r[1] == null ? "infinity" : r[1]);
                    rows += insert.executeLargeUpdate();
                }
            }
            connection.commit();
            return new Result(ranges.size(), rows);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The pending ranges, consumed, as merged ranges of whole buckets: [bucket of lo, bucket of hi + width). An
     * infinite end (the first fill, a TRUNCATE) stays unbounded (NULL).
     */
    private static String merged(SummaryDefinition d, SummaryQuery q, String rangeType) {
        String lo = "CASE WHEN d.lo = '-infinity' THEN NULL ELSE " + q.bucketOf("d.lo") + " END";
        String hi = "CASE WHEN d.hi = 'infinity' THEN NULL ELSE " + q.bucketOf("d.hi") + " + " + q.width() + " END";
        return "WITH d AS (DELETE FROM " + d.pending() + " RETURNING lo, hi),"
                + " b AS (SELECT " + rangeType + "((" + lo + ")::" + element(rangeType) + ", (" + hi + ")::"
                + element(rangeType) + ", '[)') AS r FROM d)"
                + " SELECT lower(m), upper(m) FROM unnest((SELECT range_agg(r) FROM b)) AS m ORDER BY lower(m)"
                + " NULLS FIRST";
    }

    private static String element(String rangeType) {
        return switch (rangeType) {
            case "daterange" -> "date";
            case "tsrange" -> "timestamp";
            default -> "timestamptz";
        };
    }

    /** The range type of the summary's bucket column, which decides how ranges merge. */
    private String rangeType(SummaryDefinition d, SummaryQuery q) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM"
                + " pg_attribute WHERE attrelid = ?::regclass AND attname = ? AND NOT attisdropped")) {
            s.setString(1, d.table());
            s.setString(2, q.bucketColumn());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(
                            "the summary " + d.qualifiedName() + " has no column " + q.bucketColumn()
                                    + " any more: roll back and recreate it",
                            "55000");
                }
                return rangeTypeOf(rs.getString(1));
            }
        }
    }

    static String rangeTypeOf(String bucketType) {
        return switch (bucketType) {
            case "date" -> "daterange";
            case "timestamp without time zone" -> "tsrange";
            case "timestamp with time zone" -> "tstzrange";
            default ->
                throw new IllegalArgumentException(
                        "a bucket of type " + bucketType + " cannot be refreshed: " + literal(bucketType));
        };
    }
}
