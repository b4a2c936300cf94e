package dev.keel.agent.dashboard;

import com.sun.net.httpserver.HttpHandler;
import dev.keel.agent.alert.Delivery;
import dev.keel.agent.http.AgentStatus;
import dev.keel.backup.Backups;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.insight.Insight;
import dev.keel.migrate.MigrationSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keel up's web dashboard: the pages (overview, statements, backups, schema, replication and jobs) and the files they
 * load, by path, for the agent's HTTP server. Every page only reads.
 */
public final class Dashboard {
    /** The doctor runs every minute by default: the overview shows a report no older than that. */
    static final Duration DOCTOR_MAX_AGE = Duration.ofMinutes(1);

    private final List<DashboardPage> pages;
    private final LatestDoctorReport doctor;

    private Dashboard(List<DashboardPage> pages, LatestDoctorReport doctor) {
        this.pages = List.copyOf(pages);
        this.doctor = doctor;
    }

    /**
     * @param backups the backup facade, asked only for its settings (the repository is read directly)
     * @param status the agent's own status, for the jobs page
     */
    public static Dashboard of(
            KeelYaml config,
            ConnectionSource connections,
            Insight insight,
            Supplier<Backups> backups,
            Supplier<AgentStatus> status,
            Clock clock) {
        return of(config, connections, insight, backups, status, List::of, clock);
    }

    /** @param deliveries the alerts' latest delivery attempts, which the jobs page lists */
    public static Dashboard of(
            KeelYaml config,
            ConnectionSource connections,
            Insight insight,
            Supplier<Backups> backups,
            Supplier<AgentStatus> status,
            Supplier<List<Delivery>> deliveries,
            Clock clock) {
        Runbooks runbooks = new Runbooks();
        LatestDoctorReport doctor = new LatestDoctorReport(insight::doctor, DOCTOR_MAX_AGE, clock);
        return new Dashboard(
                List.of(
                        new OverviewPage(doctor, runbooks, clock),
                        new StatementsPage(connections, config.schema(), clock),
                        new BackupsPage(backups, System.getenv(), clock),
                        new SchemaPage(connections, () -> MigrationSettings.from(config), clock),
                        new JobsPage(connections, config.schema(), status, deliveries, clock)),
                doctor);
    }

    /** Where the doctor job can publish each report, so the overview shows it rather than running the doctor. */
    public LatestDoctorReport doctorReports() {
        return doctor;
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
