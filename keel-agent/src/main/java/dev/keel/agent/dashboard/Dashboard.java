package dev.keel.agent.dashboard;

import com.sun.net.httpserver.HttpHandler;
import dev.keel.agent.http.AgentStatus;
import dev.keel.backup.Backups;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.migrate.MigrationSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keel up's web dashboard: the pages (overview, statements, backups, schema, replication and jobs) and the files they
 * load, by path, for the agent's HTTP server. Every page only reads, on read-only sessions.
 */
public final class Dashboard {
    private final List<DashboardPage> pages;

    private Dashboard(List<DashboardPage> pages) {
        this.pages = List.copyOf(pages);
    }

    /**
     * @param connections the agent's own; the pages read through {@link ReadOnlyConnections} made of them, so a page
     *     that tried to write would fail rather than change the database
     * @param backups the backup facade, asked only for its settings (the repository is read directly)
     * @param status the agent's own status, for the jobs page
     */
    public static Dashboard of(
            KeelYaml config,
            ConnectionSource connections,
            Supplier<Backups> backups,
            Supplier<AgentStatus> status,
            Clock clock) {
        ConnectionSource readOnly = ReadOnlyConnections.of(connections);
        Runbooks runbooks = new Runbooks();
        return new Dashboard(List.of(
                new OverviewPage(new LatestDoctorReport(readOnly, config.schema()), runbooks, clock),
                new StatementsPage(readOnly, config.schema(), clock),
                new BackupsPage(backups, System.getenv(), clock),
                new SchemaPage(readOnly, () -> MigrationSettings.from(config), clock),
                new JobsPage(readOnly, config.schema(), status, clock)));
    }

    public List<DashboardPage> pages() {
        return pages;
    }

    /** The dashboard's pages and static files, then {@code others} (such as /health and /metrics). */
    public Map<String, HttpHandler> withPages(Map<String, HttpHandler> others) {
        Map<String, HttpHandler> all = new LinkedHashMap<>();
        pages.forEach(page -> all.put(page.path(), page));
        all.putAll(StaticFiles.handlers());
        all.putAll(others);
        return all;
    }
}
