package dev.keel.stats;

import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks statements by what they did between two stored snapshots. The subtraction runs in the
 * server over keel's tables; only the ranked rows come back.
 */
public final class StatementRanking {
    private final StatsSchema tables;

    public StatementRanking(String schema) {
        this.tables = new StatsSchema(schema);
    }

    /**
     * @param older the snapshot to subtract; null to count everything since pg_stat_statements was last reset
     * @param limit how many statements to return; totals and shares always cover all of them
     */
    public Ranking between(Connection c, Snapshot older, Snapshot newer, RankBy by, int limit) {
        if (limit < 1) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the limit must be at least 1, not " + limit,
                    "pass --limit 1 or more");
        }
        StatsWindow window = StatsWindow.between(older, newer);
        Map<String, String> names = new HashMap<>(tables.names());
        names.put("order", by.orderExpression());
        List<RankedStatement> ranked = new ArrayList<>();
        double totalMs = 0;
        long totalCalls = 0;
        long statementCount = 0;
        long wentDown = 0;
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(StatementRanking.class, "ranking.sql", names))) {
            if (older == null) {
                s.setNull(1, Types.BIGINT);
            } else {
                s.setLong(1, older.id());
            }
            s.setLong(2, newer.id());
            s.setBoolean(3, window.fromZero());
            s.setInt(4, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    totalMs = rs.getDouble("all_exec_ms");
                    totalCalls = rs.getLong("all_calls");
                    statementCount = rs.getLong("all_statements");
                    wentDown = rs.getLong("went_down_statements");
                    ranked.add(row(rs, ranked.size() + 1, totalMs));
                }
            }
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "ranking statements from the snapshots in schema " + Identifiers.display(tables.schema())
                            + " failed: " + e.getMessage().lines().findFirst().orElse(""),
                    "check that the user may read keel's stat_statement table",
                    e);
        }
        List<String> notes = new ArrayList<>(window.notes());
        if (!window.fromZero() && wentDown > 0) {
            notes.add(wentDown + (wentDown == 1 ? " statement's counters" : " statements' counters")
                    + " went down since the older snapshot (reset one by one, evicted at pg_stat_statements.max, or lost in a restart):"
                    + " they count from zero, over a shorter window than the rest");
        }
        return new Ranking(
                null,
                window.start(),
                window.end(),
                older == null ? null : older.id(),
                newer.id(),
                by,
                totalMs,
                totalCalls,
                statementCount,
                notes,
                ranked,
                null);
    }

    private static RankedStatement row(ResultSet rs, int rank, double allMs) throws SQLException {
        long calls = rs.getLong("calls");
        double totalMs = rs.getDouble("total_exec_ms");
        long hit = rs.getLong("shared_blks_hit");
        long read = rs.getLong("shared_blks_read");
        return new RankedStatement(
                rank,
                rs.getLong("queryid"),
                rs.getString("user_name"),
                rs.getString("query"),
                calls,
                totalMs,
                totalMs / calls,
                rs.getLong("rows"),
                hit,
                read,
                hit + read == 0 ? null : hit / (double) (hit + read),
                rs.getLong("temp_blks"),
                allMs <= 0 ? 0 : 100 * totalMs / allMs,
                rs.getBoolean("went_down"));
    }
}
