package dev.keel.agent;

import dev.keel.agent.alert.AlertSettings;
import dev.keel.agent.alert.Alerting;
import dev.keel.agent.dashboard.Dashboard;
import dev.keel.agent.dashboard.ReadOnlyConnections;
import dev.keel.agent.http.AgentServer;
import dev.keel.agent.http.AgentStatus;
import dev.keel.agent.http.HealthPage;
import dev.keel.agent.http.ListenAddress;
import dev.keel.agent.http.MetricsPage;
import dev.keel.agent.jobs.DoctorJob;
import dev.keel.agent.jobs.DoctorReportRecorder;
import dev.keel.agent.jobs.DoctorReports;
import dev.keel.agent.jobs.Job;
import dev.keel.agent.jobs.JobLines;
import dev.keel.agent.jobs.JobMetrics;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.JobRunner;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.jobs.StandardJobs;
import dev.keel.agent.lead.Leadership;
import dev.keel.agent.metrics.AgentMetrics;
import dev.keel.agent.schedule.JobSchedules;
import dev.keel.agent.schedule.Scheduler;
import dev.keel.backup.Backups;
import dev.keel.change.ChangeSettings;
import dev.keel.config.KeelYaml;
import dev.keel.error.KeelException;
import dev.keel.insight.Insight;
import dev.keel.partition.PartitionMaintenance;
import dev.keel.projection.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * keel up from Java: leads or stands by, runs the jobs on their schedules while it leads, and serves /health and
 * /metrics. {@link #start()} returns once the HTTP server listens; {@link #stop(Duration)} ends it cleanly.
 * <pre>{@code
 * Agent agent = Agent.configure().config(yaml).connections(database).load();
 * agent.start();
 * agent.registry();        // add meter binders here: /metrics serves this registry
 * agent.stop(Duration.ofMinutes(1));
 * }</pre>
 */
public final class Agent {
    /** How often the scheduler looks for due jobs; schedules are no finer than 10 s. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final KeelYaml config;
    private final ListenAddress listen;
    private final String token;
    private final Consumer<String> log;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Leadership leadership;
    private final Scheduler scheduler;
    private final LeadingTerm term;
    private final Alerting alerting;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keel-up-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final AgentMetrics metrics;
    private final Dashboard dashboard;
    private final LeaderRuns leaderRuns;
    private AgentServer server;

    Agent(AgentConfiguration c) {
        this.config = c.config;
        this.listen = c.listen != null ? c.listen : config.get(AgentSection.LISTEN);
        this.token = config.get(AgentSection.TOKEN);
        this.log = c.log;
        JobSchedules schedules = JobSchedules.from(config);
        Insight insight = c.insight != null
                ? c.insight
                : Insight.configure().config(config).connections(c.connections).load();
        Supplier<Backups> backups = c.backups != null
                ? c.backups
                : () -> Backups.configure().config(config).load();
        RunHistory history = new RunHistory(config.schema());
        JobMetrics jobMetrics = new JobMetrics(registry);
        String agentId = agentId();
        JobRunner runner = new JobRunner(c.connections, history, jobMetrics, agentId, c.clock, log);
        this.alerting = Alerting.configure(AlertSettings.from(config), c.connections, config.schema())
                .registry(registry)
                .log(log)
                .load();
        // pg_* in postgres_exporter's names and keel_* from the database, the repository and the doctor's last report.
        this.metrics = AgentMetrics.bindTo(registry, c.connections, config, System.getenv());
        Map<JobName, Job> given = new EnumMap<>(c.jobs);
        // Every agent's overview shows the report kept in agent_doctor: no page runs the doctor, which writes a
        // snapshot.
        DoctorReportRecorder keep =
                new DoctorReportRecorder(c.connections, new DoctorReports(config.schema()), agentId, c.clock);
        given.putIfAbsent(JobName.DOCTOR, new DoctorJob(insight, report -> {
            metrics.recordDoctor(report);
            alerting.report(report);
            keep.accept(report);
        }));
        this.dashboard = Dashboard.of(config, c.connections, backups, this::status, c.clock);
        this.leaderRuns = new LeaderRuns(ReadOnlyConnections.of(c.connections), history, c.clock, log);
        Supplier<PartitionMaintenance> partitions = () -> PartitionMaintenance.of(
                c.connections, config.schema(), ChangeSettings.from(config), c.clock, line -> log.accept(line));
        var jobs = StandardJobs.of(
                schedules, insight, backups, new Projections(c.connections, config.schema()), partitions, given);
        jobs.keySet().forEach(jobMetrics::failures);
        this.leadership = new Leadership(c.connections, config.schema(), log);
        this.scheduler = new Scheduler(
                schedules,
                jobs,
                (job, due) -> {
                    var run = runner.run(job, due);
                    if (job.name().usesRepository()) {
                        // The next scrape reads the repository again instead of showing the minute-old catalog.
                        metrics.backupsChanged();
                    }
                    return run;
                },
                Executors.newCachedThreadPool(r -> new Thread(r, "keel-up-job")),
                c.clock);
        this.term = new LeadingTerm(
                c.connections, history, runner, jobMetrics, jobs.keySet(), config.get(AgentSection.HISTORY), log);
        Gauge.builder("keel.agent.leader", leadership, l -> l.leading() ? 1 : 0)
                .description("1 while this agent leads and runs the jobs, 0 while it stands by")
                .register(registry);
        log.accept("agent " + agentId + ": jobs " + describe(schedules, jobs.keySet()));
    }

    public static AgentConfiguration configure() {
        return new AgentConfiguration();
    }

    /**
     * Listens, then leads or stands by. The database need not be up: the agent keeps trying.
     *
     * @throws KeelException when the address is taken, or public without agent.token
     */
    public synchronized void start() {
        server = AgentServer.start(
                listen,
                token,
                dashboard.withPages(
                        Map.of("/health", new HealthPage(this::status), "/metrics", new MetricsPage(registry))));
        log.accept("listening on http://" + server.address() + " (/health, /metrics)"
                + (token == null ? "" : "; requests need the bearer token"));
        leadership.start();
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (leadership.leading()) {
                if (term.begin(leadership.term(), scheduler)) {
                    scheduler.tick();
                    term.pruneEvery(PRUNE_EVERY);
                }
            } else if (scheduler.leading()) {
                scheduler.stopLeading();
            }
        } catch (RuntimeException e) {
            // A scheduler thread that died would leave an agent that looks alive and does nothing.
            log.accept("scheduler: " + JobLines.oneLine(e));
        }
    }

    /**
     * Stops cleanly: no new jobs, continuous jobs asked to end, runs in flight given {@code grace} to finish (those that
     * do not are left for the next leader, which marks them interrupted and runs them again), the lock released.
     *
     * @return whether every run ended within the grace
     */
    public boolean stop(Duration grace) {
        ticker.shutdownNow();
        boolean ended = scheduler.shutdown(grace);
        alerting.close();
        metrics.close();
        leadership.close();
        synchronized (this) {
            if (server != null) {
                server.close();
            }
        }
        log.accept(ended ? "stopped: every job ended" : "stopped: jobs still running were left to the next leader");
        return ended;
    }

    /** The registry /metrics serves: add binders to it for more metrics. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** keel up's alerts: the open ones and this agent's delivery attempts (the jobs page reads agent_deliveries). */
    public Alerting alerting() {
        return alerting;
    }

    /** Where the HTTP server listens; null before {@link #start()}. */
    public synchronized ListenAddress address() {
        return server == null ? null : server.address();
    }

    /** The leader's runs are its own; a standby's are the leader's, from agent_runs (while the database is up). */
    public AgentStatus status() {
        boolean leading = leadership.leading();
        boolean up = leadership.databaseUp();
        return new AgentStatus(
                leading ? "leader" : "standby",
                up ? "up" : "down",
                scheduler.running().stream().map(JobName::key).toList(),
                leading ? List.copyOf(scheduler.lastRuns().values()) : up ? leaderRuns.get() : List.of());
    }

    private static String agentId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String describe(JobSchedules schedules, Set<JobName> on) {
        return on.isEmpty()
                ? "none"
                : String.join(
                        ", ",
                        on.stream()
                                .map(j -> j.key() + " " + schedules.of(j).text())
                                .toList());
    }
}
