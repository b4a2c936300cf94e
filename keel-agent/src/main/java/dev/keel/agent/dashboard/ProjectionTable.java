package dev.keel.agent.dashboard;

import dev.keel.agent.upkeep.ProjectionUpkeep;
import dev.keel.config.Durations;
import dev.keel.doctor.checks.ProjectionStaleness;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The schema page's projections: every counter, summary, materialized view and cached column keel.projections holds,
 * with its upkeep, and each refreshed one's age against its interval, judged as the doctor's projection-staleness
 * check judges it.
 */
final class ProjectionTable {
    private static final ProjectionStaleness DOCTOR = new ProjectionStaleness();

    private ProjectionTable() {}

    static String html(List<ProjectionUpkeep.Row> rows) {
        StringBuilder out = new StringBuilder("<h2>Projections</h2>\n");
        if (rows.isEmpty()) {
            return out.append("<p>Keel keeps no counter, summary, materialized view or cached column here.</p>\n")
                    .toString();
        }
        out.append("<table class=\"projections\">\n<tr><th>Kind</th><th>Name</th><th>State</th>"
                + "<th>Last refreshed</th><th>Last compacted</th><th>Last verified</th><th>Staleness</th></tr>\n");
        for (ProjectionUpkeep.Row r : rows) {
            out.append("<tr><td>")
                    .append(Html.escape(r.kind().replace('_', ' ')))
                    .append("</td><td><code>")
                    .append(Html.escape(r.qualifiedName()))
                    .append("</code></td><td>")
                    .append(Html.escape(r.state()))
                    .append("</td><td>")
                    .append(Html.escape(when(r.lastRefreshed(), r.refreshed())))
                    .append("</td><td>")
                    .append(Html.escape(when(r.lastCompacted(), "counter".equals(r.kind()))))
                    .append("</td><td>")
                    .append(Html.escape(when(r.lastVerified(), !r.refreshed())))
                    .append("</td><td>")
                    .append(staleness(r))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /** "-" where the kind has no such upkeep (a counter is never refreshed), "never" where it has not happened yet. */
    private static String when(OffsetDateTime at, boolean applies) {
        if (!applies) {
            return "-";
        }
        return Layout.when(at == null ? null : at.toInstant());
    }

    static String staleness(ProjectionUpkeep.Row r) {
        if (!r.refreshed()) {
            return "-";
        }
        double late = r.ageSeconds() / r.refreshSeconds();
        String badge = late >= DOCTOR.criticalFactor() ? "critical" : late >= DOCTOR.staleFactor() ? "warning" : "ok";
        String label = badge.equals("ok") ? "fresh" : "stale";
        return "<span class=\"badge " + badge + "\">" + label + "</span> "
                + Html.escape(Durations.rounded(Duration.ofSeconds(Math.round(r.ageSeconds())))
                        + (r.lastRefreshed() == null ? " since created, never refreshed" : " old")
                        + "; every "
                        + Durations.rounded(Duration.ofSeconds(Math.round(r.refreshSeconds()))));
    }
}
