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
 * widens them to whole buckets, merges them, and recomputes those buckets alone from the table. Each transaction is
 * repeatable read: the pending ranges it consumes and the rows it reads belong to one snapshot, so a write that
 * commits meanwhile is neither lost nor applied twice; its range stays pending for the next transaction.
 *
 * <p>On a large table whose column has an index, the work is cut into pieces of about {@link #PIECE_ROWS} rows along
 * the buckets, each its own transaction that consumes only the part of the ranges it recomputed (a first fill of a
 * hundred million rows is then no single statement holding back vacuum for its whole length). A refresh that is
 * killed rolls back only its current piece; the next refresh starts where it stopped.
 */
public final class SummaryRefresh {

    /**
     * What one refresh did: the bucket ranges recomputed, the summary rows they hold now, and the transactions it took.
     */
    public record Result(int ranges, long rows, int transactions) {}

    /** About the rows one transaction reads when a refresh is cut into pieces. */
    static final long PIECE_ROWS = 2_000_000;

    /** How long one piece should take; the next piece is sized from how long the last one took. */
    private static final long PIECE_NANOS = 2_000_000_000L;

    private final Connection connection;
    private final long pieceRows;

    public SummaryRefresh(Connection connection) {
        this(connection, PIECE_ROWS);
    }

    SummaryRefresh(Connection connection, long pieceRows) {
        this.connection = connection;
        this.pieceRows = pieceRows;
    }

    /** Two refreshes of one summary at once would consume each other's ranges: the second waits for the first. */
    public Result run(SummaryDefinition d) throws SQLException {
        return run(d, Integer.MAX_VALUE);
    }

    /** At most {@code transactions} pieces; what is left stays pending. */
    Result run(SummaryDefinition d, int transactions) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, lockKey(d));
            lock.execute();
        }
        try {
            return pieces(d, transactions);
        } finally {
            connection.setAutoCommit(true);
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

    private Result pieces(SummaryDefinition d, int transactions) throws SQLException {
        SummaryQuery q = d.parsed();
        Bounds bounds = new Bounds(d, q, rangeType(d, q));
        Long buckets = bucketsPerPiece(d, q);
        int ranges = 0;
        long rows = 0;
        int done = 0;
        while (done < transactions) {
            long begin = System.nanoTime();
            Piece p = piece(d, q, bounds, buckets);
            done++;
            ranges += p.ranges();
            rows += p.rows();
            if (!p.more()) {
                break;
            }
            double scale = Math.max(0.5, Math.min(2.0, (double) PIECE_NANOS / Math.max(1, System.nanoTime() - begin)));
            buckets = Math.max(1, Math.round(buckets * scale));
        }
        return new Result(ranges, rows, done);
    }

    private record Piece(int ranges, long rows, boolean more) {}

    /** One transaction: the buckets below the cut (all of them when there is none) recomputed, their ranges consumed. */
    private Piece piece(SummaryDefinition d, SummaryQuery q, Bounds b, Long buckets) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                s.execute("SET LOCAL search_path = " + quote(d.schema()));
                s.execute(SummarySql.timeZoneSetting(d));
            }
            String cut = buckets == null ? null : cut(b, buckets);
            List<String[]> work = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement s = connection.prepareStatement(b.work())) {
                s.setString(1, cut);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(3)) {
                            work.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                        more |= rs.getBoolean(4);
                    }
                }
            }
            if (work.isEmpty() && !more) {
                connection.commit();
                return new Piece(0, 0, false);
            }
            try (PreparedStatement s = connection.prepareStatement(b.consume())) {
                for (int i = 1; i <= 5; i++) {
                    s.setString(i, cut);
                }
                s.executeUpdate();
            }
            long rows = 0;
            for (String[] r : work) {
                rows += recompute(d, q, b, r[0], r[1]);
            }
            connection.commit();
            return new Piece(work.size(), rows, more);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private long recompute(SummaryDefinition d, SummaryQuery q, Bounds b, String lo, String hi) throws SQLException {
        String bucket = quote(q.bucketColumn());
        String type = b.element();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + d.table() + " WHERE (?::" + type
                + " IS NULL OR " + bucket + " >= ?::" + type + ") AND (?::" + type + " IS NULL OR " + bucket + " < ?::"
                + type + ")")) {
            delete.setString(1, lo);
            delete.setString(2, lo);
            delete.setString(3, hi);
            delete.setString(4, hi);
            delete.executeUpdate();
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO " + d.table() + " " + q.overRange(d.columnType()))) {
            insert.setString(1, lo == null ? "-infinity" : lo);
            insert.setString(2, hi == null ? "infinity" : hi);
            return insert.executeLargeUpdate();
        }
    }

    /**
     * Where this piece stops: the bucket {@code buckets} widths after the first pending one (the table's first row's
     * when a range is unbounded below). None when nothing of the table lies at or after it, so the last piece also
     * takes an unbounded range's empty end.
     */
    private String cut(Bounds b, long buckets) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(b.cut())) {
            s.setLong(1, buckets);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * How many buckets hold about {@link #pieceRows} rows, from the table's estimated rows and the span of its column;
     * null (one transaction) for a table smaller than that, or whose column has no plain index to find a piece's rows
     * and the column's ends by.
     */
    private Long bucketsPerPiece(SummaryDefinition d, SummaryQuery q) throws SQLException {
        String source = SummarySql.source(d, q);
        String column = quote(d.incrementalBy());
        try (PreparedStatement s = connection.prepareStatement("SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples"
                + " ELSE pg_relation_size(c.oid) / 100 END, EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON"
                + " a.attrelid = i.indrelid AND a.attnum = i.indkey[0] JOIN pg_class ic ON ic.oid = i.indexrelid JOIN"
                + " pg_am am ON am.oid = ic.relam WHERE i.indrelid = c.oid AND a.attname = ? AND i.indisvalid AND"
                + " i.indpred IS NULL AND am.amname = 'btree') FROM pg_class c WHERE c.oid = ?::regclass")) {
            s.setString(1, d.incrementalBy());
            s.setString(2, source);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(2) || rs.getDouble(1) <= pieceRows) {
                    return null;
                }
                double rows = rs.getDouble(1);
                try (Statement span = connection.createStatement();
                        ResultSet sr = span.executeQuery("SELECT extract(epoch FROM ((SELECT max(" + column + ") FROM "
                                + source + ")::timestamptz - (SELECT min(" + column + ") FROM " + source
                                + ")::timestamptz)) / extract(epoch FROM " + q.width() + ")")) {
                    sr.next();
                    double buckets = Math.max(1, sr.getDouble(1)) + 1;
                    return Math.max(1, (long) (pieceRows / (rows / buckets)));
                }
            }
        }
    }

    /** The statements of one summary's pieces, in the range type its buckets merge in. */
    private record Bounds(SummaryDefinition d, SummaryQuery q, String rangeType) {

        String element() {
            return switch (rangeType) {
                case "daterange" -> "date";
                case "tsrange" -> "timestamp";
                default -> "timestamptz";
            };
        }

        /**
         * The pending ranges as merged ranges of whole buckets, [bucket of lo, bucket of hi + width); an infinite end
         * (the first fill, a TRUNCATE) stays unbounded.
         */
        private String merged() {
            String lo = "CASE WHEN p.lo = '-infinity' THEN NULL ELSE " + q.bucketOf("p.lo") + " END";
            String hi = "CASE WHEN p.hi = 'infinity' THEN NULL ELSE " + q.bucketOf("p.hi") + " + " + q.width() + " END";
            return "m AS (SELECT unnest(range_agg(" + rangeType + "((" + lo + ")::" + element() + ", (" + hi + ")::"
                    + element() + ", '[)'))) AS r FROM " + d.pending() + " AS p)";
        }

        /**
         * Each merged range's part below the cut (? once; null for no cut), whether it has one, and whether a part of
         * it lies at or past the cut and is left for the next piece.
         */
        String work() {
            return "WITH " + merged() + ", k AS (SELECT ?::" + element() + " AS cut), w AS (SELECT m.r, m.r * "
                    + rangeType + "(NULL, k.cut, '[)') AS below, CASE WHEN k.cut IS NULL THEN 'empty'::" + rangeType
                    + " ELSE m.r * " + rangeType + "(k.cut, NULL, '[)') END AS past FROM m, k) SELECT lower(below),"
                    + " upper(below), NOT isempty(below), NOT isempty(past) FROM w ORDER BY lower(r) NULLS FIRST";
        }

        /** The cut for a piece of ? buckets: see {@link SummaryRefresh#cut}. */
        String cut() {
            String source = SummarySql.source(d, q);
            String column = quote(d.incrementalBy());
            String first = "CASE WHEN bool_or(lower_inf(r)) THEN ("
                    + q.bucketOf("(SELECT min(" + column + ") FROM " + source + ")") + ")::" + element()
                    + " ELSE min(lower(r)) END";
            String cut = "(" + q.bucketOf("(s.start + ? * " + q.width() + ")::" + d.columnType()) + ")::" + element();
            String last = "(SELECT max(" + column + ") FROM " + source + ")::" + element();
            return "WITH " + merged() + ", s AS (SELECT " + first + " AS start FROM m), c AS (SELECT " + cut
                    + " AS cut, s.start FROM s) SELECT CASE WHEN c.cut <= c.start OR COALESCE(" + last
                    + " < c.cut, true) THEN NULL ELSE c.cut END FROM c";
        }

        /**
         * Consumes the pending ranges below the cut (?, five times; all when null): a range that reaches past it is
         * replaced by its part from the cut on. No pending range starts below the first merged one, so none is left
         * below the cut.
         */
        String consume() {
            String at = "?::" + d.columnType();
            return "WITH gone AS (DELETE FROM " + d.pending() + " WHERE " + at + " IS NULL OR lo < " + at
                    + " RETURNING hi) INSERT INTO " + d.pending() + " (lo, hi) SELECT " + at + ", hi FROM gone WHERE "
                    + at + " IS NOT NULL AND hi >= " + at;
        }
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
