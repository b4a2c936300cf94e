package dev.keel.agent.dashboard;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The backups as an SVG timeline: a lane of full backups, one of incrementals, one of stored WAL, from the oldest
 * backup to now. SVG attributes place the bars and CSS classes colour them, so no inline style is needed.
 */
public final class BackupTimeline {
    static final int WIDTH = 1000;
    static final int LEFT = 110;
    static final int LANE = 30;

    private BackupTimeline() {}

    public static String svg(BackupState state, Instant now) {
        Instant start = now.minus(Duration.ofDays(1));
        for (BackupManifest b : state.backups()) {
            start = b.startTime().isBefore(start) ? b.startTime() : start;
        }
        if (state.walFirst() != null && state.walFirst().isBefore(start)) {
            start = state.walFirst();
        }
        double span = Math.max(1, Duration.between(start, now).toMillis());
        Instant from = start;
        StringBuilder out = new StringBuilder();
        int height = 3 * LANE + 30;
        out.append("<svg class=\"timeline\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"Backup timeline\">\n");
        String[] lanes = {"full", "incremental", "WAL"};
        for (int i = 0; i < lanes.length; i++) {
            out.append("<text class=\"lane\" x=\"8\" y=\"")
                    .append(i * LANE + 24)
                    .append("\">")
                    .append(lanes[i])
                    .append("</text>\n");
        }
        for (BackupManifest b : state.backups()) {
            int lane = b.type() == BackupType.INCREMENTAL ? 1 : 0;
            bar(
                    out,
                    lane,
                    b.type() == BackupType.INCREMENTAL ? "incremental" : "full",
                    from,
                    span,
                    b.startTime(),
                    b.stopTime(),
                    b.id() + " (" + b.type().label() + "): " + Layout.when(b.startTime()) + " → "
                            + Layout.when(b.stopTime()));
        }
        if (state.walFirst() != null && state.walLast() != null) {
            bar(
                    out,
                    2,
                    "wal",
                    from,
                    span,
                    state.walFirst(),
                    state.walLast(),
                    state.walSegments() + " WAL segments, " + Layout.when(state.walFirst()) + " → "
                            + Layout.when(state.walLast()));
        }
        out.append("<text class=\"axis\" x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(height - 6)
                .append("\">")
                .append(Html.escape(Layout.when(from)))
                .append("</text>\n")
                .append("<text class=\"axis\" x=\"")
                .append(WIDTH - 4)
                .append("\" y=\"")
                .append(height - 6)
                .append("\" text-anchor=\"end\">now, ")
                .append(Html.escape(Layout.when(now)))
                .append("</text>\n")
                .append("</svg>\n");
        return out.toString();
    }

    private static void bar(
            StringBuilder out,
            int lane,
            String css,
            Instant from,
            double span,
            Instant start,
            Instant stop,
            String title) {
        double x = LEFT + (WIDTH - LEFT - 4) * Duration.between(from, start).toMillis() / span;
        double w =
                Math.max(3, (WIDTH - LEFT - 4) * Duration.between(start, stop).toMillis() / span);
        out.append("<rect class=\"")
                .append(css)
                .append("\" x=\"")
                .append(format(x))
                .append("\" y=\"")
                .append(lane * LANE + 10)
                .append("\" width=\"")
                .append(format(w))
                .append("\" height=\"")
                .append(LANE - 10)
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title></rect>\n");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
