package dev.keel.agent.dashboard;

import dev.keel.agent.upkeep.PartitionUpkeep;
import dev.keel.agent.upkeep.ProjectionUpkeep;
import dev.keel.change.ChangeState;
import dev.keel.change.ChangeStatus;
import dev.keel.connect.ConnectionSource;
import dev.keel.migrate.ChangeVerbs;
import dev.keel.migrate.Info;
import dev.keel.migrate.InfoResult;
import dev.keel.migrate.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /schema}: the active change with its backfill progress, the pending migrations, the projections and partition
 * sets keel keeps, then the history — what keel change status, keel info, keel projections list and the partition
 * registry show. All of it only reads: Info takes no lock, and the registries are read in two statements each.
 */
public final class SchemaPage extends DashboardPage {
    private static final Set<String> PENDING = Set.of("pending", "out-of-order");

    private final ConnectionSource connections;
    private final Supplier<MigrationSettings> settings;

    public SchemaPage(ConnectionSource connections, Supplier<MigrationSettings> settings, Clock clock) {
        super(clock);
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public String path() {
        return "/schema";
    }

    @Override
    public String title() {
        return "Schema";
    }

    @Override
    protected String body(Map<String, String> query) {
        MigrationSettings migrations = settings.get();
        InfoResult info = Info.run(connections, migrations);
        ChangeStatus change = ChangeVerbs.status(connections, migrations);
        StringBuilder out = new StringBuilder();
        out.append("<p>")
                .append(Html.escape(
                        info.currentVersion() == null
                                ? "No migration is applied yet."
                                : "At version " + info.currentVersion() + "."))
                .append(' ')
                .append(info.count("applied"))
                .append(" applied, ")
                .append(info.migrations().stream()
                        .filter(r -> PENDING.contains(r.state()))
                        .count())
                .append(" pending.</p>\n");
        change(out, change);
        List<InfoResult.Row> pending = info.migrations().stream()
                .filter(r -> PENDING.contains(r.state()))
                .toList();
        out.append("<h2>Pending migrations</h2>\n");
        if (pending.isEmpty()) {
            out.append("<p>None: the database is at the newest version on disk.</p>\n");
        } else {
            rows(out, pending, "pending");
        }
        upkeep(out, migrations.schema());
        List<InfoResult.Row> history = info.migrations().stream()
                .filter(r -> !PENDING.contains(r.state()))
                .toList();
        out.append("<h2>History</h2>\n");
        if (history.isEmpty()) {
            out.append("<p>No migration has run on this database.</p>\n");
        } else {
            List<InfoResult.Row> newestFirst = new ArrayList<>(history);
            Collections.reverse(newestFirst);
            rows(out, newestFirst, "history");
        }
        return out.toString();
    }

    /** The registries' sections; a failure to read them leaves the rest of the page as it is. */
    private void upkeep(StringBuilder out, String stateSchema) {
        try (Connection c = connections.open()) {
            List<ProjectionUpkeep.Row> projections = ProjectionUpkeep.read(c, stateSchema);
            List<PartitionUpkeep.Row> sets = PartitionUpkeep.read(c, stateSchema);
            out.append(ProjectionTable.html(projections)).append(PartitionSetTable.html(sets));
        } catch (SQLException e) {
            out.append("<h2>Projections and partition sets</h2>\n")
                    .append(error(
                            "reading keel's projections and partition sets failed: "
                                    + String.valueOf(e.getMessage())
                                            .lines()
                                            .findFirst()
                                            .orElse(""),
                            "check that keel up's role may read keel.projections and keel.partition_sets; reload"
                                    + " the page"));
        }
    }

    private static void change(StringBuilder out, ChangeStatus status) {
        out.append("<h2>Active change</h2>\n");
        if (!status.active()) {
            out.append("<p>No change is active.</p>\n");
            return;
        }
        out.append("<p>V")
                .append(Html.escape(status.version()))
                .append(" (<code>")
                .append(Html.escape(status.script()))
                .append("</code>) is ")
                .append(Html.escape(status.phase().replace('_', ' ')))
                .append(", started ")
                .append(Html.escape(
                        status.startedOn() == null
                                ? "-"
                                : Layout.when(status.startedOn().toInstant())))
                .append(". The new version is served in schema <code>")
                .append(Html.escape(status.newSchema()))
                .append("</code>.</p>\n");
        if (!status.backfill().isEmpty()) {
            out.append("<table class=\"backfill\">\n<tr><th>Backfill of</th><th>Rows done</th><th>Of about</th>"
                    + "<th>Progress</th></tr>\n");
            for (ChangeState.Progress p : status.backfill()) {
                long total = Math.max(p.rowsTotal(), p.rowsDone());
                out.append("<tr><td><code>")
                        .append(Html.escape(p.table()))
                        .append("</code></td><td>")
                        .append(p.rowsDone())
                        .append("</td><td>")
                        .append(p.rowsTotal() > 0 ? String.valueOf(p.rowsTotal()) : "-")
                        .append("</td><td>")
                        .append(
                                p.done()
                                        ? "<span class=\"badge ok\">done</span>"
                                        : "<progress class=\"progress\" max=\"" + Math.max(1, total) + "\" value=\""
                                                + p.rowsDone() + "\"></progress> "
                                                + Html.escape(percent(p.rowsDone(), total)))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        if (!status.completeWill().isEmpty()) {
            out.append("<p>keel change complete will:</p>\n<ul>\n");
            status.completeWill()
                    .forEach(
                            line -> out.append("<li>").append(Html.escape(line)).append("</li>\n"));
            out.append("</ul>\n");
        }
    }

    private static String percent(long done, long total) {
        return total <= 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100.0 * done / total);
    }

    private static void rows(StringBuilder out, List<InfoResult.Row> rows, String css) {
        out.append("<table class=\"")
                .append(css)
                .append("\">\n<tr><th>Version</th><th>Description</th><th>Type</th>"
                        + "<th>State</th><th>Installed</th><th>Took</th></tr>\n");
        for (InfoResult.Row r : rows) {
            out.append("<tr><td>")
                    .append(Html.escape(r.version() == null ? "R" : r.version()))
                    .append("</td><td>")
                    .append(Html.escape(r.description()))
                    .append("</td><td>")
                    .append(Html.escape(r.type().toLowerCase(Locale.ROOT)))
                    .append("</td><td>")
                    .append(Html.escape(r.state()))
                    .append("</td><td>")
                    .append(Html.escape(
                            r.installedOn() == null
                                    ? ""
                                    : Layout.when(r.installedOn().toInstant())))
                    .append("</td><td>")
                    .append(r.executionMillis() == null ? "" : r.executionMillis() + " ms")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
