package dev.keel.backup;

import dev.keel.backup.base.BackupOptions;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.base.BaseBackup;
import dev.keel.backup.base.DatabaseOpener;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.drill.Drill;
import dev.keel.backup.drill.DrillOptions;
import dev.keel.backup.drill.DrillResult;
import dev.keel.backup.drill.PrimaryCommitTime;
import dev.keel.backup.prune.Prune;
import dev.keel.backup.prune.PruneResult;
import dev.keel.backup.prune.RetentionPolicy;
import dev.keel.backup.remote.BackupMethod;
import dev.keel.backup.remote.RemoteBackup;
import dev.keel.backup.remote.WalSenderConnection;
import dev.keel.backup.replica.ReplicaCreate;
import dev.keel.backup.replica.ReplicaCreateResult;
import dev.keel.backup.replica.ReplicaList;
import dev.keel.backup.replica.ReplicaListResult;
import dev.keel.backup.replica.ReplicaOptions;
import dev.keel.backup.replica.ReplicaPromote;
import dev.keel.backup.replica.ReplicaPromoteResult;
import dev.keel.backup.replica.ReplicaRequest;
import dev.keel.backup.replica.ReplicaSource;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.Restore;
import dev.keel.backup.restore.RestoreOptions;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.backup.stream.StreamOptions;
import dev.keel.backup.stream.WalSetup;
import dev.keel.backup.stream.WalStreamer;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.verify.BackupVerification;
import dev.keel.backup.verify.VerifyResult;
import dev.keel.backup.wal.WalArchive;
import dev.keel.config.KeelYaml;
import dev.keel.connect.Connector;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Backups, WAL streaming, restores and drills from Java, configured from keel.yaml's {@code backup.*} keys as the
 * command line is. Each method does what its {@code keel} command does and returns the record that command prints
 * with {@code --json}.
 * <pre>{@code
 * Backups backups = Backups.configure()
 *         .url("jdbc:postgresql://db.internal/shop", "backup", password)
 *         .repository("file:///srv/backups/shop")
 *         .load();
 * BackupResult result = backups.backup();
 * }</pre>
 */
public final class Backups {
    /** How long replicaCreate waits for a started standby to stream: catching up from the repository takes a while. */
    static final Duration REPLICA_START_LIMIT = Duration.ofMinutes(10);

    private final KeelYaml config;
    private final BackupSettings settings;
    private final Map<String, String> env;
    private final DatabaseTarget target;
    private final Transfers transfers;
    private final BackupListener listener;
    private final boolean reconnect;

    /** How files move and which PostgreSQL recovers them: the settings every transfer shares. */
    record Transfers(
            int parallel,
            double maxRateMegabytes,
            BackupMethod method,
            Path binDir,
            String superuser,
            String restoreCommand) {}

    Backups(
            KeelYaml config,
            BackupSettings settings,
            Map<String, String> env,
            DatabaseTarget target,
            Transfers transfers,
            BackupListener listener,
            boolean reconnect) {
        this.config = config;
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.target = target;
        this.transfers = transfers;
        this.listener = listener;
        this.reconnect = reconnect;
    }

    public static BackupsConfiguration configure() {
        return new BackupsConfiguration();
    }

    /** {@code keel backup init}: creates the repository, which must not exist yet. */
    public RepositoryInfo init() {
        try (BackupRepository repository = BackupRepository.create(repositorySettings(), env, Clock.systemUTC())) {
            return RepositoryInfo.of(repository);
        }
    }

    /** {@code keel backup}: a full base backup. */
    public BackupResult backup() {
        return backup(BackupType.FULL);
    }

    /** {@code keel backup --type}: an incremental one builds on the newest fitting backup, and is full (with a note) without one. */
    public BackupResult backup(BackupType type) {
        DatabaseTarget db = database("take a backup");
        DatabaseOpener opener = name -> Connector.open(name == null ? db : db.withDatabase(name), "keel backup");
        // The first connection (the driver's start-up, 80-100 ms) while the repository opens, and the same connection
        // for the backup session after it found the data directory local: a small-file backup takes about 2 s, and
        // the two waited for each other, then a second connection was opened.
        CompletableFuture<Connection> first = CompletableFuture.supplyAsync(() -> opener.open(null));
        BackupRepository repository;
        try {
            repository = open();
        } catch (RuntimeException e) {
            first.thenAccept(Backups::closeQuietly);
            throw e;
        }
        try (repository;
                Connection connection = joined(first)) {
            BackupOptions options = new BackupOptions(
                    transfers.parallel(), Throttle.megabytesPerSecond(transfers.maxRateMegabytes()), listener);
            if (transfers.method().resolve(connection) == BackupMethod.LOCAL) {
                return new BaseBackup(repository, opener, db.describe(), Clock.systemUTC())
                        .run(connection, options, type, listener::note);
            }
            connection.close();
            return new RemoteBackup(repository, opener, db, env, Clock.systemUTC()).run(options, type, listener::note);
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "the connection to " + db.describe() + " failed: " + e.getMessage(),
                    "run the backup again",
                    e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the backup already failed for another reason, which is the one to report
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code keel backup list}: every backup, oldest first; incomplete ones are marked. */
    public BackupList list() {
        try (BackupRepository repository = open()) {
            Catalog catalog = repository.catalog();
            List<BackupList.Entry> entries = new ArrayList<>();
            for (CatalogBackup backup : catalog.backups()) {
                entries.add(
                        backup.complete()
                                ? BackupList.Entry.of(
                                        catalog.manifest(backup.id()).orElseThrow())
                                : BackupList.Entry.incomplete(backup.id()));
            }
            return new BackupList(repository.store().describe(), entries);
        }
    }

    /** {@code keel backup verify}: the newest complete backup. */
    public VerifyResult verify() {
        try (BackupRepository repository = open()) {
            List<String> complete = repository.catalog().completeBackups();
            if (complete.isEmpty()) {
                throw new KeelException(
                        BackupError.NO_COMPLETE_BACKUP,
                        "there is no complete backup in " + repository.store().describe(),
                        "take one with backup()");
            }
            return verify(repository, complete.get(complete.size() - 1));
        }
    }

    /** {@code keel backup verify ID}. */
    public VerifyResult verify(String backupId) {
        try (BackupRepository repository = open()) {
            return verify(repository, backupId);
        }
    }

    /** {@code keel backup verify --all}. */
    public VerifyResult verifyAll() {
        try (BackupRepository repository = open()) {
            return verify(repository, null);
        }
    }

    /** {@code keel backup prune} with backup.retention from keel.yaml. */
    public PruneResult prune() {
        BackupSettings.Retention retention = settings.retention();
        if (!retention.configured()) {
            throw new KeelException(
                    BackupError.RETENTION_NOT_SET,
                    "no retention policy is set, so keel cannot tell which backups to remove",
                    "set backup.retention.full or backup.retention.days in keel.yaml, or call prune(new RetentionPolicy(full, days), dryRun)");
        }
        return prune(new RetentionPolicy(retention.full(), retention.days()), false);
    }

    /** {@code keel backup prune --keep-full --keep-days [--dry-run]}: this policy instead of keel.yaml's. */
    public PruneResult prune(RetentionPolicy retention, boolean dryRun) {
        try (BackupRepository repository = open()) {
            Prune prune = new Prune(repository);
            return prune.execute(prune.plan(retention, Instant.now()), dryRun, listener::note);
        }
    }

    /** {@code keel restore --target-dir DIR --to TARGET}: the newest backup that fits, recovered and stopped. */
    public RestoreResult restore(Path targetDir, RecoveryTarget recoveryTarget) {
        return restore(RestoreRequest.into(targetDir).to(recoveryTarget));
    }

    /** {@code keel restore} with every option; a relative target directory is taken from the project directory. */
    public RestoreResult restore(RestoreRequest request) {
        try (BackupRepository repository = open()) {
            return new Restore(repository)
                    .run(new RestoreOptions(
                            request.backupId(),
                            config.projectDir().resolve(request.targetDir()),
                            request.target(),
                            request.overwriting(),
                            request.keepRunning(),
                            transfers.parallel(),
                            transfers.binDir(),
                            transfers.restoreCommand(),
                            transfers.superuser(),
                            listener,
                            listener::note,
                            request.acceptingGap()));
        }
    }

    /** {@code keel drill}: restores the newest backup to its latest point into a scratch cluster and proves it. */
    public DrillResult drill() {
        return drill(RecoveryTarget.parse("latest"));
    }

    /** {@code keel drill --to TARGET}; the result says whether it passed, and the repository records it. */
    public DrillResult drill(RecoveryTarget recoveryTarget) {
        DatabaseTarget primary = database("run a restore drill (it measures the RPO against the primary)");
        try (BackupRepository repository = open()) {
            DrillOptions options = new DrillOptions(
                    recoveryTarget,
                    transfers.binDir(),
                    transfers.superuser(),
                    transfers.parallel(),
                    transfers.restoreCommand(),
                    primary.database(),
                    settings.drillInvariants(),
                    settings.rpo(),
                    settings.rto(),
                    () -> newestCommit(primary),
                    listener,
                    listener::note);
            return new Drill(repository, Clock.systemUTC()).run(options);
        }
    }

    /** {@code keel wal stream}: asynchronous unless the server already waits for keel. */
    public WalStream walStream() {
        return walStream(false);
    }

    /**
     * {@code keel wal stream [--synchronous]}, with backup.stream.* from keel.yaml; reconnects after a lost connection
     * unless configured not to.
     *
     * @param synchronous refuse to stream unless the server waits for keel before acknowledging a commit
     */
    public WalStream walStream(boolean synchronous) {
        DatabaseTarget db = database("stream WAL");
        BackupSettings.Stream stream = settings.stream();
        Path spool = stream.spool() != null
                ? stream.spool()
                : config.projectDir().resolve(".keel").resolve("wal-spool").resolve(stream.slot());
        StreamOptions options = new StreamOptions(
                stream.slot(),
                stream.applicationName(),
                spool,
                synchronous,
                reconnect,
                stream.partialInterval(),
                Duration.ofSeconds(5));
        BackupRepository repository = open();
        try {
            return new WalStream(
                    repository,
                    new WalStreamer(
                            repository,
                            () -> WalSenderConnection.open(db, env, stream.applicationName()),
                            db.describe(),
                            options,
                            listener));
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /** {@code keel wal setup}: checks the role and settings, creates the slot, and sets synchronous_standby_names as asked. */
    public WalSetup.Result walSetup(WalSetup.Mode mode) {
        DatabaseTarget db = database("set up WAL streaming");
        BackupSettings.Stream stream = settings.stream();
        try (Connection connection = Connector.open(db, "keel wal setup")) {
            connection.setAutoCommit(true);
            return new WalSetup(connection, db.describe()).apply(stream.slot(), stream.applicationName(), mode);
        } catch (SQLException e) {
            throw Connector.unreachable(db, e);
        }
    }

    /**
     * {@code keel replica create}: a streaming standby of the database in a new directory. Without a source in the
     * request it comes from the repository's newest backup when a repository is configured, else from a stream of the
     * primary; a relative target directory is taken from the project directory.
     */
    public ReplicaCreateResult replicaCreate(ReplicaRequest request) {
        DatabaseTarget db = database("make a replica of it");
        boolean haveRepository =
                settings.repository() != null && !settings.repository().isBlank();
        ReplicaSource source = request.source() != null
                ? request.source()
                : haveRepository ? ReplicaSource.FROM_BACKUP : ReplicaSource.STREAM;
        ReplicaOptions options = new ReplicaOptions(
                config.projectDir().resolve(request.targetDir()),
                source,
                request.backupId(),
                request.slot(),
                request.noSlot(),
                request.starting(),
                transfers.binDir(),
                transfers.parallel(),
                haveRepository ? transfers.restoreCommand() : null,
                config.schema(),
                REPLICA_START_LIMIT,
                listener,
                listener::note);
        return new ReplicaCreate(db, env, haveRepository ? this::open : null).run(options);
    }

    /** {@code keel replica list}: the standbys of the database, and the replicas keel made that are not connected. */
    public ReplicaListResult replicaList() {
        DatabaseTarget db = database("list its replicas");
        try (Connection c = Connector.open(db, "keel replica list")) {
            return new ReplicaListResult(
                    db.describe(),
                    ReplicaList.read(c, config.schema(), settings.stream().applicationName()));
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "reading the standbys of " + db.describe() + " failed: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "check the server's log",
                    e);
        }
    }

    /** {@code keel replica promote DIR}: the standby running in DIR becomes a primary; a relative DIR is the project's. */
    public ReplicaPromoteResult replicaPromote(Path dataDir) {
        return new ReplicaPromote(transfers.binDir()).run(config.projectDir().resolve(dataDir));
    }

    /** {@code keel wal push}: stores a WAL file, as archive_command does; false when the repository already holds it, identical. */
    public boolean walPush(Path file) {
        try (BackupRepository repository = open()) {
            return new WalArchive(repository).push(file);
        }
    }

    /** {@code keel wal get}: writes a WAL file from the repository to {@code dest}, as restore_command does. */
    public void walGet(String name, Path dest) {
        try (BackupRepository repository = open()) {
            new WalArchive(repository).get(name, dest);
        }
    }

    /** The backup settings in effect: keel.yaml's, with the repository and stream settings given in code. */
    public BackupSettings settings() {
        return settings;
    }

    private VerifyResult verify(BackupRepository repository, String backupId) {
        return new BackupVerification(repository, transfers.parallel(), listener).run(backupId);
    }

    /** The RPO needs the primary's newest commit; an unreachable primary leaves it unmeasured rather than failing the drill. */
    private Optional<Instant> newestCommit(DatabaseTarget primary) {
        try (Connection c = Connector.open(primary, "keel drill")) {
            return Optional.of(PrimaryCommitTime.read(c));
        } catch (KeelException | SQLException e) {
            listener.note(
                    "cannot read the primary's newest commit time, so the RPO is not measured: " + e.getMessage());
            return Optional.empty();
        }
    }

    private BackupRepository open() {
        return BackupRepository.open(repositorySettings(), env);
    }

    private BackupSettings repositorySettings() {
        if (settings.repository() == null || settings.repository().isBlank()) {
            throw new KeelException(
                    BackupError.REPOSITORY_NOT_SET,
                    "no backup repository is configured",
                    "set backup.repository in keel.yaml, or call repository(\"file:///path\" or \"s3://bucket/prefix\") before load()");
        }
        return settings;
    }

    private DatabaseTarget database(String what) {
        if (target == null) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "no database is configured, and keel needs one to " + what,
                    "call url(...) or target(...) before load(), or set database.url in keel.yaml");
        }
        return target;
    }
}
