package dev.keel.agent.dashboard;

import dev.keel.agent.upkeep.PartitionUpkeep;
import java.util.List;
import java.util.Locale;

/**
 * The schema page's partition sets: each set create_partitioned_table declared, as declared (key, interval, premake,
 * retention), beside what the catalog shows (partitions, those made ahead, the default partition's rows).
 */
final class PartitionSetTable {
    private PartitionSetTable() {}

    static String html(List<PartitionUpkeep.Row> rows) {
        StringBuilder out = new StringBuilder("<h2>Partition sets</h2>\n");
        if (rows.isEmpty()) {
            return out.append("<p>Keel keeps no partition set here (create_partitioned_table declares one).</p>\n")
                    .toString();
        }
        out.append("<table class=\"partition-sets\">\n<tr><th>Parent</th><th>Key</th><th>Interval</th>"
                + "<th>Premake</th><th>Retention</th><th>Partitions</th><th>Ahead</th>"
                + "<th>Default partition</th></tr>\n");
        for (PartitionUpkeep.Row r : rows) {
            out.append("<tr><td><code>")
                    .append(Html.escape(r.qualifiedName()))
                    .append("</code></td><td><code>")
                    .append(Html.escape(r.keyColumn()))
                    .append("</code> ")
                    .append(Html.escape(r.range() ? r.keyType().toLowerCase(Locale.ROOT) + " range" : r.strategy()))
                    .append("</td><td>")
                    .append(Html.escape(r.range() ? r.interval() : "-"))
                    .append("</td><td>")
                    .append(r.range() ? String.valueOf(r.premake()) : "-")
                    .append("</td><td>")
                    .append(Html.escape(retention(r)))
                    .append("</td><td>")
                    .append(
                            r.parentExists()
                                    ? String.valueOf(r.partitions())
                                    : "<span class=\"badge critical\">table missing</span>")
                    .append("</td><td>")
                    .append(ahead(r))
                    .append("</td><td>")
                    .append(Html.escape(
                            r.defaultRows() == null ? "none" : "about " + Math.round(r.defaultRows()) + " rows"))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String retention(PartitionUpkeep.Row r) {
        if (r.retention() == null) {
            return "every partition kept";
        }
        return r.retention() + ", then " + r.retentionAction();
    }

    /** Made ahead against premake; an integer key has no now to be ahead of. */
    static String ahead(PartitionUpkeep.Row r) {
        if (r.ahead() == null || !r.parentExists()) {
            return "-";
        }
        boolean behind = r.ahead() < r.premake();
        return "<span class=\"badge " + (behind ? "warning" : "ok") + "\">" + r.ahead() + " of " + r.premake()
                + "</span>";
    }
}
