package dev.keel.agent.dashboard;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements chart's data from keel's snapshots: for each chosen statement, its execution time between one
 * snapshot and the one before, at each snapshot of the window. Two bounded queries whatever the catalog's size.
 *
 * @param x each point's time, in epoch seconds with milliseconds (uPlot's x axis: snapshots may share a second)
 * @param series one list per statement, as {@code x}: milliseconds, null where the statement has no figure
 * @param labels one per series
 */
public record StatementChart(List<Double> x, List<List<Double>> series, List<String> labels) {
    /** Enough points for a chart a screen wide; more would only cost the page. */
    static final int MAX_POINTS = 300;

    /**
     * The statement's time since the snapshot before; null at the window's first snapshot (nothing to subtract) and
     * where the statement is not in the snapshot. Absent from the snapshot before, it ran only since: its whole
     * figure counts; a counter that went down was reset and counts anew likewise.
     */
    private static Double value(ResultSet rs) throws SQLException {
        if (rs.getLong("n") == 1 || rs.getObject("total_ms") == null) {
            return null;
        }
        double total = rs.getDouble("total_ms");
        if (rs.getObject("previous_ms") == null) {
            return Math.round(total * 1000) / 1000.0;
        }
        double previous = rs.getDouble("previous_ms");
        // Microseconds are precision enough for a chart, and keep the page small.
        return Math.round((total >= previous ? total - previous : total) * 1000) / 1000.0;
    }

    public static StatementChart read(
            Connection c,
            String schema,
            OffsetDateTime from,
            OffsetDateTime to,
            List<Long> queryIds,
            List<String> labels) {
        Map<String, String> names = Map.of("schema", Identifiers.quote(schema));
        try {
            long count;
            try (PreparedStatement s =
                    c.prepareStatement(SqlResources.load(StatementChart.class, "snapshot-count.sql", names))) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            long step = Math.max(1, (count + MAX_POINTS - 1) / MAX_POINTS);
            Map<Long, Integer> index = new LinkedHashMap<>();
            List<Double> x = new ArrayList<>();
            List<List<Double>> series = new ArrayList<>();
            queryIds.forEach(id -> series.add(new ArrayList<>()));
            for (int i = 0; i < queryIds.size(); i++) {
                index.put(queryIds.get(i), i);
            }
            try (PreparedStatement s =
                    c.prepareStatement(SqlResources.load(StatementChart.class, "statement-history.sql", names))) {
                s.setObject(1, from);
                s.setObject(2, to);
                s.setLong(3, step);
                Array ids = c.createArrayOf("bigint", queryIds.toArray());
                s.setArray(4, ids);
                s.setArray(5, ids);
                try (ResultSet rs = s.executeQuery()) {
                    long snapshot = Long.MIN_VALUE;
                    while (rs.next()) {
                        if (rs.getLong("id") != snapshot) {
                            snapshot = rs.getLong("id");
                            x.add(rs.getObject("taken_at", OffsetDateTime.class)
                                            .toInstant()
                                            .toEpochMilli()
                                    / 1000.0);
                            series.forEach(values -> values.add(null));
                        }
                        Integer at = index.get(rs.getLong("queryid"));
                        if (at != null) {
                            series.get(at).set(x.size() - 1, value(rs));
                        }
                    }
                }
            }
            return new StatementChart(x, series, labels);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "reading the statement history in schema " + Identifiers.display(schema) + " failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check that keel up's user may read keel's stat_statement table",
                    e);
        }
    }
}
