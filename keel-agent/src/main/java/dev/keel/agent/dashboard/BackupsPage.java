package dev.keel.agent.dashboard;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.Backups;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /backups}: the timeline of full, incremental and WAL coverage, the RPO exposure now and the last drill's RTO
 * against backup.rpo and backup.rto, and the drills' results. Reads the repository's catalog only.
 */
public final class BackupsPage extends DashboardPage {
    private final Supplier<Backups> backups;
    private final Map<String, String> env;
    private final Clock clock;

    /** @param env where the repository's key and credentials come from, as for keel backup */
    public BackupsPage(Supplier<Backups> backups, Map<String, String> env, Clock clock) {
        super(clock);
        this.backups = backups;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/backups";
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    protected String body(Map<String, String> query) {
        BackupSettings settings = backups.get().settings();
        if (settings.repository() == null || settings.repository().isBlank()) {
            return "<p class=\"note\">No backup repository is configured, so keel up takes no backups: set"
                    + " <code>backup.repository</code> in keel.yaml (file:///path or s3://bucket/prefix), with"
                    + " <code>backup.rpo</code> and <code>backup.rto</code> as the targets.</p>\n";
        }
        BackupState state;
        try (BackupRepository repo = BackupRepository.open(settings, env)) {
            state = BackupState.read(repo);
        }
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder();
        out.append("<p>Repository: <code>")
                .append(Html.escape(state.repository()))
                .append("</code></p>\n");
        targets(out, state, settings, now);
        out.append("<h2>Timeline</h2>\n").append(BackupTimeline.svg(state, now));
        backupTable(out, state);
        wal(out, state);
        drills(out, state);
        return out.toString();
    }

    private static void targets(StringBuilder out, BackupState state, BackupSettings settings, Instant now) {
        out.append("<h2>Targets</h2>\n<table class=\"targets\">\n<tr><th>Target</th><th>Setting</th><th>Now</th>"
                + "<th>Status</th></tr>\n");
        Duration exposure = state.exposure(now);
        row(out, "RPO: work a restore now would lose", settings.rpo(), exposure, exposure == null ? "no backup" : null);
        row(
                out,
                "RPO measured by the last drill",
                settings.rpo(),
                state.lastRpo(),
                state.drills().isEmpty() ? "no drill" : null);
        row(
                out,
                "RTO: the last drill's restore time",
                settings.rto(),
                state.lastRto(),
                state.drills().isEmpty() ? "no drill" : null);
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String what, Duration target, Duration now, String missing) {
        String status;
        if (now == null) {
            status = "<span class=\"badge missed\">" + Html.escape(missing == null ? "not measured" : missing)
                    + "</span>";
        } else if (target == null) {
            status = "<span class=\"badge unknown\">no target</span>";
        } else if (now.compareTo(target) <= 0) {
            status = "<span class=\"badge met\">met</span>";
        } else {
            status = "<span class=\"badge missed\">missed</span>";
        }
        out.append("<tr><td>")
                .append(Html.escape(what))
                .append("</td><td>")
                .append(Html.escape(target == null ? "not set" : Durations.rounded(target)))
                .append("</td><td>")
                .append(Html.escape(now == null ? "-" : Durations.rounded(now)))
                .append("</td><td>")
                .append(status)
                .append("</td></tr>\n");
    }

    private static void backupTable(StringBuilder out, BackupState state) {
        out.append("<h2>Backups</h2>\n");
        if (state.backups().isEmpty()) {
            out.append("<p class=\"error\">The repository holds no complete backup: nothing can be restored.</p>\n");
        } else {
            out.append("<table class=\"backups\">\n<tr><th>Backup</th><th>Type</th><th>Based on</th><th>Started</th>"
                    + "<th>Took</th><th>Size</th><th>Stored</th><th>Timeline</th></tr>\n");
            for (BackupManifest b : state.backups()) {
                out.append("<tr><td><code>")
                        .append(Html.escape(b.id()))
                        .append("</code></td><td>")
                        .append(Html.escape(b.type().label()))
                        .append("</td><td>")
                        .append(Html.escape(b.parent() == null ? "" : b.parent()))
                        .append("</td><td>")
                        .append(Html.escape(Layout.when(b.startTime())))
                        .append("</td><td>")
                        .append(Html.escape(Durations.rounded(Duration.between(b.startTime(), b.stopTime()))))
                        .append("</td><td>")
                        .append(Html.escape(Bytes.human(b.totalSize())))
                        .append("</td><td>")
                        .append(Html.escape(Bytes.human(b.ownStoredSize())))
                        .append("</td><td>")
                        .append(b.timeline())
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        if (!state.incomplete().isEmpty()) {
            out.append("<p class=\"note\">Incomplete (killed or failed before the end; nothing restores from them): ")
                    .append(Html.escape(String.join(", ", state.incomplete())))
                    .append("</p>\n");
        }
    }

    private static void wal(StringBuilder out, BackupState state) {
        out.append("<h2>WAL</h2>\n");
        if (state.walSegments() == 0) {
            out.append("<p class=\"note\">No WAL is archived: a restore reaches the end of a backup, no later.</p>\n");
            return;
        }
        out.append("<p>")
                .append(state.walSegments())
                .append(" segments; the newest, <code>")
                .append(Html.escape(state.newestWal()))
                .append("</code>, stored ")
                .append(Html.escape(Layout.when(state.walLast())))
                .append(".</p>\n");
    }

    private static void drills(StringBuilder out, BackupState state) {
        out.append("<h2>Restore drills</h2>\n");
        if (state.drills().isEmpty()) {
            out.append("<p class=\"note\">No restore drill is recorded: nobody knows whether these backups restore,"
                    + " or how long it takes.</p>\n");
            return;
        }
        out.append("<table class=\"drills\">\n<tr><th>Drill</th><th>Backup</th><th>Finished</th><th>Result</th>"
                + "<th>RTO</th><th>RPO</th><th>Failures</th></tr>\n");
        for (DrillRecord d : state.drills()) {
            Duration rto = BackupState.millis(d.results().get("rtoMillis"));
            Duration rpo = BackupState.millis(d.results().get("rpoMillis"));
            out.append("<tr><td><code>")
                    .append(Html.escape(d.id()))
                    .append("</code></td><td>")
                    .append(Html.escape(d.backupId()))
                    .append("</td><td>")
                    .append(Html.escape(Layout.when(d.finished())))
                    .append("</td><td>")
                    .append(
                            d.passed()
                                    ? "<span class=\"badge passed\">passed</span>"
                                    : "<span class=\"badge failed\">failed</span>")
                    .append("</td><td>")
                    .append(Html.escape(rto == null ? "-" : Durations.rounded(rto)))
                    .append("</td><td>")
                    .append(Html.escape(rpo == null ? "-" : Durations.rounded(rpo)))
                    .append("</td><td>")
                    .append(Html.escape(String.join("; ", d.failures())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
