package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import dev.keel.stats.RankBy;
import dev.keel.stats.RankedStatement;
import dev.keel.stats.Ranking;
import dev.keel.stats.Top;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statements that take the largest share of the database's execution time, as {@code keel top}
 * ranks them: since the newest statistics snapshot at least {@code since} old, or since the last
 * reset. Like keel top it stores a snapshot, so the next run has a window to compare with.
 *
 * <p>A share alone says little on an idle database, so a statement must also keep the server busy:
 * its load is its execution time over the window's length, in backends kept busy on average.
 *
 * @param minWindow a shorter window (a snapshot taken moments ago) says nothing about the load: silent
 * @param minShare share of all execution time a statement needs to be reported
 * @param infoLoad load (busy backends on average) from which it is reported as info
 * @param warningLoad … and from which as a warning
 */
public record SlowestStatements(
        Duration since, Duration minWindow, double minShare, double infoLoad, double warningLoad, int limit)
        implements DoctorCheck {
    public static final String ID = "slowest-statements";
    private static final String KEEL_OWN = "/* keel ";

    public SlowestStatements() {
        this(Duration.ofHours(1), Duration.ofMinutes(5), 0.25, 0.05, 0.5, 3);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "every role's statements in pg_stat_statements";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) {
        Ranking ranking = Top.run(context.connection(), context.keelSchema(), since, RankBy.TOTAL, limit + 10);
        if (ranking.start() == null) {
            // Without a known start there is no window length, and so no load to judge by.
            return List.of();
        }
        double windowMs =
                Math.max(1, Duration.between(ranking.start(), ranking.end()).toMillis());
        if (windowMs < minWindow.toMillis()) {
            return List.of();
        }
        List<DoctorFinding> findings = new ArrayList<>();
        for (RankedStatement s : ranking.statements()) {
            if (s.query().startsWith(KEEL_OWN)) {
                // keel's own reads (this doctor, snapshots) are not what slows the product down.
                continue;
            }
            double share = s.sharePercent() / 100;
            double load = s.totalMs() / windowMs;
            if (share < minShare || load < infoLoad) {
                continue;
            }
            DoctorSeverity severity = load >= warningLoad ? DoctorSeverity.WARNING : DoctorSeverity.INFO;
            double closeness = severity == DoctorSeverity.WARNING
                    ? Impact.between(load, warningLoad, 4 * warningLoad)
                    : Impact.between(load, infoLoad, warningLoad);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("queryId", s.queryId());
            evidence.put("user", s.user());
            evidence.put("sharePercent", Figures.round(s.sharePercent(), 1));
            evidence.put("load", Figures.round(load, 3));
            evidence.put("calls", s.calls());
            evidence.put("totalMs", Figures.round(s.totalMs(), 1));
            evidence.put("meanMs", Figures.round(s.meanMs(), 2));
            evidence.put("rows", s.rows());
            evidence.put("hitRatio", s.hitRatio() == null ? null : Figures.round(s.hitRatio(), 4));
            evidence.put("windowStart", ranking.start().toString());
            evidence.put("windowEnd", ranking.end().toString());
            evidence.put("query", s.query());
            String summary = "one statement takes " + Figures.percent(share) + " of the execution time (" + s.calls()
                    + " calls, "
                    + String.format(Locale.ROOT, "%.1f", s.meanMs()) + " ms each, " + Figures.round(load, 2)
                    + " backends busy on average): "
                    + TopText.shorten(s.query());
            String impact =
                    "making it faster (an index, fewer calls, a cheaper plan) frees up to " + Figures.percent(share)
                            + " of the database's execution time; see keel top and EXPLAIN (ANALYZE, BUFFERS)";
            findings.add(finding(severity, closeness, summary, evidence, impact));
            if (findings.size() == limit) {
                break;
            }
        }
        return findings;
    }

    /** The query on one line, short enough for a summary. */
    static final class TopText {
        private TopText() {}

        static String shorten(String query) {
            String flat = query.strip().replaceAll("\\s+", " ");
            return flat.length() <= 100 ? flat : flat.substring(0, 99) + "…";
        }
    }
}
