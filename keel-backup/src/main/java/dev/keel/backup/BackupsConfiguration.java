package dev.keel.backup;

import dev.keel.backup.remote.BackupMethod;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.connect.TargetResolver;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fluent configuration of {@link Backups}: {@code Backups.configure().url(url, user, password).load().backup()}.
 * Each setter states its default; what is not set comes from keel.yaml's {@code backup.*} keys, as for the command
 * line. {@link #load()} refuses contradictions; an operation that needs a database or a repository and has none
 * fails when called, naming what to set.
 */
public final class BackupsConfiguration {
    private static final int MAX_PARALLEL = 64;

    private Path projectDir;
    private KeelYaml config;
    private Map<String, String> env = System.getenv();
    private String url;
    private String user;
    private String password;
    private DatabaseTarget target;
    private String repository;
    private BackupListener listener = BackupListener.SILENT;
    private Integer parallel;
    private double maxRate;
    private BackupMethod method;
    private Path binDir;
    private String superuser = "postgres";
    private String restoreCommand;
    private List<String> launcher = List.of("keel");
    private String slot;
    private String applicationName;
    private Path spool;
    private Duration partialInterval;
    private boolean reconnect = true;

    BackupsConfiguration() {}

    /** Where keel.yaml is read and .keel/ (the WAL spool) lives; default the working directory. */
    public BackupsConfiguration projectDir(Path projectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        return this;
    }

    /** An already loaded configuration instead of reading keel.yaml; its project directory is the project's. */
    public BackupsConfiguration config(KeelYaml config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Where KEEL_* overrides, S3 credentials, KEEL_BACKUP_KEY, PGPASSFILE and the PG* variables come from; default
     * {@code System.getenv()}.
     */
    public BackupsConfiguration env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /**
     * The database, as a JDBC or libpq URL; default KEEL_URL, keel.yaml's database.url or the PG* variables, in that
     * order. The backup connects as this user: a superuser, or a role with REPLICATION for the stream method.
     */
    public BackupsConfiguration url(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        return this;
    }

    /** The database as an already parsed target, instead of {@link #url}. */
    public BackupsConfiguration target(DatabaseTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    /** file:///path or s3://bucket/prefix; default backup.repository. */
    public BackupsConfiguration repository(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the repository URL must not be empty");
        }
        this.repository = url;
        return this;
    }

    /** Hears progress, notes and the WAL stream's events; default silent. */
    public BackupsConfiguration listener(BackupListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Files transferred at once by backups, restores and verification; default backup.parallel (2). */
    public BackupsConfiguration parallel(int parallel) {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        this.parallel = parallel;
        return this;
    }

    /** The most MiB per second a local backup reads from the data directory; default 0, no limit. */
    public BackupsConfiguration maxRate(double megabytesPerSecond) {
        if (megabytesPerSecond < 0 || Double.isNaN(megabytesPerSecond)) {
            throw new IllegalArgumentException("maxRate must not be negative");
        }
        this.maxRate = megabytesPerSecond;
        return this;
    }

    /** How a backup reads the files; default backup.method (auto: local beside the server, stream otherwise). */
    public BackupsConfiguration method(BackupMethod method) {
        this.method = Objects.requireNonNull(method, "method");
        return this;
    }

    /** PostgreSQL binaries of the backup's major version for restores and drills; default found automatically. */
    public BackupsConfiguration binDir(Path binDir) {
        this.binDir = binDir.toAbsolutePath();
        return this;
    }

    /** A superuser of the backed-up cluster, which restores and drills connect as; default postgres. */
    public BackupsConfiguration superuser(String superuser) {
        if (superuser == null || superuser.isBlank()) {
            throw new IllegalArgumentException("superuser must not be empty");
        }
        this.superuser = superuser;
        return this;
    }

    /**
     * The restore_command a restored cluster keeps for its next recovery; default
     * {@code keel -C <project> wal get %f %p} (with {@code --repo} when the repository was given in code).
     */
    public BackupsConfiguration restoreCommand(String restoreCommand) {
        if (restoreCommand == null || !restoreCommand.contains("%f") || !restoreCommand.contains("%p")) {
            throw new IllegalArgumentException(
                    "restoreCommand must contain %f and %p, as PostgreSQL's restore_command does");
        }
        this.restoreCommand = restoreCommand;
        return this;
    }

    /**
     * The words that start this keel, before its options, for the default {@link #restoreCommand}: PostgreSQL runs it
     * from the data directory. Default {@code keel} on the PATH.
     */
    public BackupsConfiguration launcher(List<String> words) {
        if (words == null || words.isEmpty()) {
            throw new IllegalArgumentException("the launcher needs at least one word");
        }
        this.launcher = List.copyOf(words);
        return this;
    }

    /** The replication slot WAL streaming uses, created when missing; default backup.stream.slot (keel_wal). */
    public BackupsConfiguration slot(String slot) {
        if (slot == null || slot.isBlank()) {
            throw new IllegalArgumentException("the slot name must not be empty");
        }
        this.slot = slot;
        return this;
    }

    /**
     * The name the server knows the WAL stream by, as synchronous_standby_names lists it; default
     * backup.stream.applicationName (keel_wal).
     */
    public BackupsConfiguration applicationName(String applicationName) {
        if (applicationName == null || applicationName.isBlank()) {
            throw new IllegalArgumentException("the application name must not be empty");
        }
        this.applicationName = applicationName;
        return this;
    }

    /** Local directory for streamed WAL not yet in the repository; default backup.stream.spool, else .keel/wal-spool/&lt;slot&gt;. */
    public BackupsConfiguration spool(Path spool) {
        this.spool = spool.toAbsolutePath();
        return this;
    }

    /** How often the received part of the current WAL segment goes to the repository; default backup.stream.partialInterval (10 s). */
    public BackupsConfiguration partialInterval(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the partial interval must be at least 1 second");
        }
        this.partialInterval = interval;
        return this;
    }

    /** Whether the WAL stream reconnects after a lost connection; default true. False ends {@link WalStream#run()} failing. */
    public BackupsConfiguration reconnect(boolean reconnect) {
        this.reconnect = reconnect;
        return this;
    }

    public Backups load() {
        if (url != null && target != null) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "both a URL and a database target were configured",
                    "give keel one of them");
        }
        KeelYaml loaded = ConfigLoader.given(config, projectDir, env);
        BackupSettings configured = repository != null
                ? BackupSettings.from(loaded).withRepository(repository)
                : BackupSettings.from(loaded);
        BackupSettings.Stream stream = configured.stream();
        BackupSettings settings = configured.withStream(new BackupSettings.Stream(
                slot != null ? slot : stream.slot(),
                applicationName != null ? applicationName : stream.applicationName(),
                spool != null ? spool : stream.spool(),
                partialInterval != null ? partialInterval : stream.partialInterval()));
        DatabaseTarget database = target != null
                ? target
                : url != null
                        ? TargetParser.parse(url, user, password, "the application's configuration")
                        : TargetResolver.resolve(null, loaded, env).orElse(null);
        BackupMethod chosen =
                method != null ? method : BackupMethod.parse(Objects.requireNonNullElse(settings.method(), "auto"));
        Backups.Transfers transfers = new Backups.Transfers(
                parallel != null ? parallel : settings.parallel(),
                maxRate,
                chosen,
                binDir,
                superuser,
                restoreCommand != null ? restoreCommand : RestoreCommandLine.keelWalGet(launcher, loaded, repository));
        return new Backups(loaded, settings, env, database, transfers, listener, reconnect);
    }
}
