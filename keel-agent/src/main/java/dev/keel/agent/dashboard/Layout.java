package dev.keel.agent.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The frame every page shares: one nav bar, one stylesheet and the scripts, all served by the agent itself, so the
 * pages keep to a CSP of default-src 'self' (no inline script or style anywhere).
 */
public final class Layout {
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The nav bar's entries, in order: path and label. */
    static final List<String[]> NAV = List.of(
            new String[] {"/", "Overview"},
            new String[] {"/statements", "Statements"},
            new String[] {"/backups", "Backups"},
            new String[] {"/schema", "Schema"},
            new String[] {"/jobs", "Replication &amp; jobs"});

    private Layout() {}

    /**
     * A whole page.
     *
     * @param body HTML built with {@link Html#escape} for every value
     * @param charts whether the page draws uPlot charts (then uPlot and the chart script load)
     */
    public static String page(String path, String title, String body, boolean charts, Instant rendered) {
        StringBuilder out = new StringBuilder(body.length() + 2048);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(title))
                .append(" · keel up</title>\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(StaticFiles.CSS)
                .append("\">\n");
        if (charts) {
            out.append("<link rel=\"stylesheet\" href=\"")
                    .append(StaticFiles.UPLOT_CSS)
                    .append("\">\n");
        }
        out.append("</head>\n<body>\n<nav>\n<span class=\"brand\">keel up</span>\n");
        for (String[] entry : NAV) {
            out.append("<a href=\"")
                    .append(entry[0])
                    .append('"')
                    .append(entry[0].equals(path) ? " class=\"active\" aria-current=\"page\"" : "")
                    .append('>')
                    .append(entry[1])
                    .append("</a>\n");
        }
        out.append("</nav>\n<main>\n<h1>")
                .append(Html.escape(title))
                .append("</h1>\n")
                .append(body)
                .append("</main>\n<footer>Rendered ")
                .append(Html.escape(WHEN.format(rendered)))
                .append(". Read-only: nothing on these pages changes the database.</footer>\n");
        if (charts) {
            out.append("<script src=\"").append(StaticFiles.UPLOT_JS).append("\"></script>\n");
            out.append("<script src=\"").append(StaticFiles.CHARTS_JS).append("\"></script>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** A point in time as the pages show it; "never" for null. */
    public static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }
}
