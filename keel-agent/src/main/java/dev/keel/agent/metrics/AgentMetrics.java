package dev.keel.agent.metrics;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.change.ChangeState;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.DoctorReport;
import dev.keel.migrate.MigrationSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code /metrics} shows: the database in postgres_exporter's names and labels ({@code pg_up},
 * {@code pg_stat_database_*}, {@code pg_stat_activity_*}, {@code pg_replication_*}, {@code pg_database_size_bytes}),
 * and Keel's own under {@code keel_} (backups against backup.rpo and backup.rto, drills, WAL streaming, doctor
 * findings, migrations, the change in flight, projections' staleness, partition sets). The agent records its jobs itself (JobMetrics).
 * docs/metrics.md lists every one.
 * <p>
 * Wiring, in the agent:
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * AgentMetrics metrics = AgentMetrics.bindTo(registry, project.connections(), project.config(), project.env());
 * // GET /metrics:            respond with registry.scrape() (text/plain; version=0.0.4)
 * // after each doctor run:   metrics.recordDoctor(report)
 * // after backup/prune/drill/WAL jobs: metrics.backupsChanged()
 * // on shutdown:             metrics.close()
 * }</pre>
 * Nothing needs refreshing before a scrape: the database is read while {@code registry.scrape()} runs, on one session
 * kept open (read-only, statement_timeout {@value #STATEMENT_TIMEOUT_SECONDS} s), with a fixed number of queries. The
 * backup repository is read at most once a minute, after the first scrape in the background. A scrape never throws
 * for an unreachable database or repository: it reports {@code pg_up 0} or {@code keel_backup_repository_up 0}.
 */
public final class AgentMetrics implements AutoCloseable {
    static final long STATEMENT_TIMEOUT_SECONDS = 5;
    static final Duration REPOSITORY_INTERVAL = Duration.ofMinutes(1);
    /** Migrations pending and database sizes move over minutes; they are read at most this often. */
    static final Duration SLOW_FACTS_INTERVAL = Duration.ofMinutes(1);

    private final PrometheusRegistry prometheus;
    private final DatabaseCollector database;
    private final CachedBackupFacts backups;
    private final DoctorCollector doctor = new DoctorCollector();
    private final List<MultiCollector> registered = new ArrayList<>();
    private final Clock clock;

    private AgentMetrics(
            PrometheusMeterRegistry registry,
            ConnectionSource source,
            KeelYaml config,
            Map<String, String> env,
            Clock clock,
            Duration repositoryInterval) {
        this.prometheus = registry.getPrometheusRegistry();
        this.clock = clock;
        MigrationSettings migrations = MigrationSettings.from(config);
        BackupSettings backup = BackupSettings.from(config);
        this.database = new DatabaseCollector(
                source,
                new ScrapeConnection(source, Duration.ofSeconds(STATEMENT_TIMEOUT_SECONDS)),
                new ChangeState(migrations.schema()),
                KeelTables.in(migrations.schema()),
                backup.stream().applicationName(),
                new MigrationBacklog(migrations, SLOW_FACTS_INTERVAL),
                new DatabaseSizes(SLOW_FACTS_INTERVAL),
                clock);
        register(database);
        register(doctor);
        if (backup.repository() != null && !backup.repository().isBlank()) {
            backups = new CachedBackupFacts(() -> BackupRepository.open(backup, env), repositoryInterval, clock);
            register(new BackupCollector(backups, backup.rpo(), backup.rto(), clock));
        } else {
            backups = null;
        }
    }

    /**
     * Registers the database, backup and doctor metrics with the registry's Prometheus registry.
     *
     * @param database the database the agent looks after; one session is kept open on it
     * @param config keel.yaml: backup.repository, backup.rpo, backup.rto, backup.stream.applicationName, the
     *     migrations settings and keel's schema are read from it
     * @param env the environment the backup repository's credentials and key come from
     */
    public static AgentMetrics bindTo(
            PrometheusMeterRegistry registry, ConnectionSource database, KeelYaml config, Map<String, String> env) {
        return new AgentMetrics(registry, database, config, env, Clock.systemUTC(), REPOSITORY_INTERVAL);
    }

    /** As {@link #bindTo(PrometheusMeterRegistry, ConnectionSource, KeelYaml, Map)}, on another clock. */
    static AgentMetrics bindTo(
            PrometheusMeterRegistry registry,
            ConnectionSource database,
            KeelYaml config,
            Map<String, String> env,
            Clock clock,
            Duration repositoryInterval) {
        return new AgentMetrics(registry, database, config, env, clock, repositoryInterval);
    }

    private void register(MultiCollector collector) {
        prometheus.register(collector);
        registered.add(collector);
    }

    /** The doctor's last report: {@code keel_doctor_*} shows it until the next one. */
    public void recordDoctor(DoctorReport report) {
        doctor.record(report, clock.instant());
    }

    /** A job changed the backup repository: the next scrape reads it again rather than waiting out the minute. */
    public void backupsChanged() {
        if (backups != null) {
            backups.invalidate();
        }
    }

    /** Reads the backup repository now, on this thread (e.g. right after a backup, so the next scrape shows it). */
    public void refreshBackups() {
        if (backups != null) {
            backups.refresh();
        }
    }

    /** Unregisters the collectors and closes the database session. The job meters stay with the registry. */
    @Override
    public void close() {
        registered.forEach(prometheus::unregister);
        database.close();
        if (backups != null) {
            backups.close();
        }
    }
}
