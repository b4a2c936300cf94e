package dev.keel.agent.dashboard;

import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.stats.RankBy;
import dev.keel.stats.RankedStatement;
import dev.keel.stats.Ranking;
import dev.keel.stats.Snapshot;
import dev.keel.stats.StatementRanking;
import dev.keel.stats.StatementSnapshots;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /statements?window=1h|24h|7d&by=total|calls|mean}: the top statements between the newest stored snapshot and
 * the one a window before it, as keel top ranks them, and a chart of the top ones over the window. Unlike keel top it
 * takes no snapshot: the page only reads what the snapshot job stored.
 */
public final class StatementsPage extends DashboardPage {
    static final int LIMIT = 20;
    static final int CHARTED = 5;
    static final int LABEL_WIDTH = 60;

    private final ConnectionSource connections;
    private final String schema;

    public StatementsPage(ConnectionSource connections, String schema, Clock clock) {
        super(clock);
        this.connections = connections;
        this.schema = schema;
    }

    @Override
    public String path() {
        return "/statements";
    }

    @Override
    public String title() {
        return "Statements";
    }

    @Override
    protected boolean charts() {
        return true;
    }

    @Override
    protected String body(Map<String, String> query) {
        StatementWindow window = StatementWindow.of(query.get("window"));
        RankBy by = rankBy(query.get("by"));
        StringBuilder out = new StringBuilder();
        choices(out, window, by);
        try (Connection c = connections.open()) {
            StatementSnapshots snapshots = new StatementSnapshots(schema);
            Optional<Snapshot> newest = snapshots.newest(c);
            if (newest.isEmpty()) {
                out.append("<p class=\"note\">No statement snapshot yet: keel up's snapshot job stores one every"
                        + " 5 minutes (or run keel stats snapshot).</p>\n");
                return out.toString();
            }
            Snapshot now = newest.get();
            List<String> notes = new ArrayList<>();
            Optional<Snapshot> older =
                    snapshots.newestAtOrBefore(c, now.takenAt().minus(window.length()), now.id());
            if (older.isEmpty()) {
                older = snapshots.oldest(c, now.id());
                older.ifPresent(o -> notes.add(
                        "the oldest snapshot is from " + Layout.when(o.takenAt().toInstant())
                                + ": the window is " + Durations.rounded(Duration.between(o.takenAt(), now.takenAt()))
                                + ", shorter than the " + window.key() + " asked"));
            }
            Ranking ranking = new StatementRanking(schema).between(c, older.orElse(null), now, by, LIMIT);
            notes.addAll(ranking.notes());
            summary(out, ranking, notes);
            if (ranking.statements().isEmpty()) {
                out.append("<p>No statement ran in this window.</p>\n");
                return out.toString();
            }
            chart(
                    out,
                    c,
                    ranking,
                    older.map(Snapshot::takenAt).orElse(now.takenAt().minus(window.length())));
            table(out, ranking);
            return out.toString();
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + connections.describe() + " failed: " + e.getMessage(),
                    "reload the page",
                    e);
        }
    }

    static RankBy rankBy(String key) {
        if (key != null) {
            for (RankBy by : List.of(RankBy.TOTAL, RankBy.CALLS, RankBy.MEAN)) {
                if (by.name().toLowerCase(Locale.ROOT).equals(key)) {
                    return by;
                }
            }
        }
        return RankBy.TOTAL;
    }

    private static void choices(StringBuilder out, StatementWindow window, RankBy by) {
        out.append("<p class=\"choices\">Window:");
        for (StatementWindow w : StatementWindow.values()) {
            out.append(' ').append(link(w, by, w.key(), w == window));
        }
        out.append(" · Rank by:");
        for (RankBy b : List.of(RankBy.TOTAL, RankBy.CALLS, RankBy.MEAN)) {
            String label = switch (b) {
                case CALLS -> "calls";
                case MEAN -> "mean time";
                default -> "total time";
            };
            out.append(' ').append(link(window, b, label, b == by));
        }
        out.append("</p>\n");
    }

    private static String link(StatementWindow w, RankBy by, String label, boolean current) {
        return "<a href=\"/statements?window=" + Html.escape(w.key()) + "&amp;by="
                + Html.escape(by.name().toLowerCase(Locale.ROOT)) + "\"" + (current ? " class=\"active\"" : "") + ">"
                + Html.escape(label) + "</a>";
    }

    private static void summary(StringBuilder out, Ranking r, List<String> notes) {
        out.append("<p>")
                .append(r.statementCount())
                .append(" statements ran ")
                .append(r.totalCalls())
                .append(" times for ")
                .append(Html.escape(String.format(Locale.ROOT, "%.1f", r.totalMs())))
                .append(" ms between ")
                .append(Html.escape(
                        r.start() == null
                                ? "the last reset"
                                : Layout.when(r.start().toInstant())))
                .append(" and ")
                .append(Html.escape(Layout.when(r.end().toInstant())))
                .append(".</p>\n");
        for (String note : notes) {
            out.append("<p class=\"note\">Note: ").append(Html.escape(note)).append("</p>\n");
        }
    }

    private void chart(StringBuilder out, Connection c, Ranking ranking, OffsetDateTime from) {
        List<RankedStatement> top = ranking.statements()
                .subList(0, Math.min(CHARTED, ranking.statements().size()));
        List<Long> ids = top.stream().map(RankedStatement::queryId).toList();
        List<String> labels =
                top.stream().map(s -> "#" + s.rank() + " " + shorten(s.query())).toList();
        StatementChart chart = StatementChart.read(c, schema, from, ranking.end(), ids, labels);
        out.append("<h2>Execution time of the top ")
                .append(top.size())
                .append(" over time</h2>\n")
                .append("<p class=\"muted\">Milliseconds spent between one snapshot and the one before.</p>\n")
                .append("<div class=\"chart\" data-chart=\"statements-chart-data\"></div>\n")
                .append(ScriptJson.block(
                        "statements-chart-data",
                        Map.of("x", chart.x(), "series", chart.series(), "labels", chart.labels(), "unit", "ms")));
    }

    private static void table(StringBuilder out, Ranking r) {
        out.append("<h2>Top statements</h2>\n<table class=\"statements\">\n<tr><th>#</th><th>Share</th><th>Calls</th>"
                + "<th>Total ms</th><th>Mean ms</th><th>Rows</th><th>Hit %</th><th>Query</th></tr>\n");
        for (RankedStatement s : r.statements()) {
            out.append("<tr><td>")
                    .append(s.rank())
                    .append("</td><td>")
                    .append(Html.escape(String.format(Locale.ROOT, "%.1f%%", s.sharePercent())))
                    .append("</td><td>")
                    .append(s.calls())
                    .append("</td><td>")
                    .append(Html.escape(String.format(Locale.ROOT, "%.1f", s.totalMs())))
                    .append("</td><td>")
                    .append(Html.escape(String.format(Locale.ROOT, "%.2f", s.meanMs())))
                    .append("</td><td>")
                    .append(s.rows())
                    .append("</td><td>")
                    .append(
                            s.hitRatio() == null
                                    ? "-"
                                    : Html.escape(String.format(Locale.ROOT, "%.0f", 100 * s.hitRatio())))
                    .append("</td><td><code class=\"query\">")
                    .append(Html.escape(s.query()))
                    .append("</code></td></tr>\n");
        }
        out.append("</table>\n");
    }

    static String shorten(String query) {
        String flat = query.strip().replaceAll("\\s+", " ");
        return flat.length() <= LABEL_WIDTH ? flat : flat.substring(0, LABEL_WIDTH - 1) + "…";
    }
}
