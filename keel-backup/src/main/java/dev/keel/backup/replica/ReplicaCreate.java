package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.remote.BaseBackupDownload;
import dev.keel.backup.restore.BackupChoice;
import dev.keel.backup.restore.BackupFetch;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.ServerBinaries;
import dev.keel.connect.Connector;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresBinaries;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.postgresql.Driver;

/**
 * {@code keel replica create}: a streaming standby of the primary in a new directory, from a backup in keel's
 * repository (restored, then following the primary, the repository its restore_command fallback) or from a
 * BASE_BACKUP streamed from the primary. Everything that can be refused is refused before anything is created; what
 * fails later takes back what was made: the directory, the slot, the registry entry.
 */
public final class ReplicaCreate {
    private final DatabaseTarget primary;
    private final Map<String, String> env;
    private final Supplier<BackupRepository> repository;

    /** @param repository opens keel's repository; null when none is configured */
    public ReplicaCreate(DatabaseTarget primary, Map<String, String> env, Supplier<BackupRepository> repository) {
        this.primary = primary;
        this.env = Map.copyOf(env);
        this.repository = repository;
    }

    public ReplicaCreateResult run(ReplicaOptions options) {
        long began = System.nanoTime();
        Path dataDir = options.targetDir().toAbsolutePath().normalize();
        TargetCheck.requireEmpty(dataDir);
        String slot =
                options.noSlot() ? null : options.slot() != null ? options.slot() : ReplicaSlot.defaultName(dataDir);
        if (slot != null) {
            ReplicaSlot.requireValid(slot);
        }
        String name = slot != null ? slot : ReplicaSlot.defaultName(dataDir);
        if (options.source() == ReplicaSource.FROM_BACKUP && repository == null) {
            throw new KeelException(
                    BackupError.REPOSITORY_NOT_SET,
                    "--from-backup needs keel's backup repository, and none is configured",
                    "set backup.repository in keel.yaml or pass --repo, or make the replica with --stream");
        }
        try (Connection c = Connector.open(primary, "keel replica create")) {
            c.setAutoCommit(true);
            PrimaryFacts facts = PrimaryFacts.read(c, primary.describe(), slot != null);
            if (options.source() == ReplicaSource.STREAM) {
                PostgresBinaries binaries = binaries(options, facts.majorVersion());
                return create(c, options, dataDir, slot, name, null, null, binaries, began);
            }
            try (BackupRepository repo = repository.get()) {
                BackupManifest manifest = BackupChoice.choose(
                        repo.catalog(),
                        options.backupId(),
                        RecoveryTarget.parse("latest"),
                        repo.store().describe());
                requireSameCluster(manifest, facts, repo.store().describe());
                PostgresBinaries binaries = binaries(options, facts.majorVersion());
                return create(c, options, dataDir, slot, name, repo, manifest, binaries, began);
            }
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "keel replica create on " + primary.describe() + " failed: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "check the server's log; nothing was left in " + dataDir,
                    e);
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private ReplicaCreateResult create(
            Connection c,
            ReplicaOptions options,
            Path dataDir,
            String slot,
            String name,
            BackupRepository repo,
            BackupManifest manifest,
            PostgresBinaries binaries,
            long began)
            throws SQLException {
        boolean createdDir = !Files.exists(dataDir);
        TargetCheck.prepare(dataDir);
        boolean slotCreated = false;
        boolean recorded = false;
        StandbyServer server = null;
        try {
            if (slot != null) {
                slotCreated = ReplicaSlot.create(c, slot, primary.describe());
                if (!slotCreated) {
                    options.status()
                            .accept("taking over the unused replication slot " + slot + " on " + primary.describe());
                }
            }
            if (manifest != null) {
                options.status().accept("restoring backup " + manifest.id() + " into " + dataDir);
                new BackupFetch(repo).into(dataDir, manifest, options.parallel(), options.progress());
            } else {
                String copied =
                        BaseBackupDownload.into(primary, env, dataDir, "keel replica " + name, options.progress());
                options.status().accept("copied " + primary.describe() + " from " + copied);
            }
            new StandbyConfig(conninfo(name), slot, options.restoreCommand()).writeInto(dataDir);
            String source = manifest != null ? "backup " + manifest.id() : ReplicaSource.STREAM.word();
            try {
                ReplicaRegistry.record(
                        c,
                        options.stateSchema(),
                        new ReplicaRegistry.Entry(name, slot, dataDir.toString(), hostName(), source, null));
                recorded = true;
            } catch (SQLException e) {
                options.status()
                        .accept("cannot record the replica in " + ReplicaRegistry.table(options.stateSchema()) + " ("
                                + e.getMessage().lines().findFirst().orElse("")
                                + "): keel replica list shows it only while it is connected");
            }
            String replayLsn = null;
            if (options.start()) {
                options.status().accept("starting the standby with PostgreSQL " + binaries.version());
                server = StandbyServer.start(binaries, dataDir, primary.user());
                replayLsn = server.awaitStreaming(options.startLimit(), options.status());
            }
            return new ReplicaCreateResult(
                    name,
                    dataDir.toString(),
                    manifest != null ? ReplicaSource.FROM_BACKUP.word() : ReplicaSource.STREAM.word(),
                    manifest != null ? manifest.id() : null,
                    primary.describe(),
                    slot,
                    slotCreated,
                    options.restoreCommand() != null,
                    binaries != null ? binaries.majorVersion() : 0,
                    binaries != null ? binaries.binDir().toString() : null,
                    server != null,
                    server != null ? server.port() : null,
                    server != null ? server.url() : null,
                    replayLsn,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | SQLException e) {
            // Take back all that was made, so the same command can simply run again.
            if (server != null) {
                server.stopImmediately();
            }
            if (createdDir) {
                FileTrees.deleteQuietly(dataDir);
            } else {
                TargetCheck.emptyQuietly(dataDir);
            }
            if (recorded) {
                ReplicaRegistry.forgetQuietly(c, options.stateSchema(), name);
            }
            if (slotCreated) {
                ReplicaSlot.dropQuietly(c, slot);
            }
            throw e;
        }
    }

    /** Required to start the standby; without --start, a missing one is only a note (it may run elsewhere). */
    private static PostgresBinaries binaries(ReplicaOptions options, int major) {
        try {
            return ServerBinaries.forMajor(major, options.binDir());
        } catch (KeelException e) {
            if (options.start() || e.code() != CoreError.BINARIES_MISSING) {
                throw e;
            }
            options.status().accept(e.what() + ": start the standby with PostgreSQL " + major + "'s pg_ctl");
            return null;
        }
    }

    private static void requireSameCluster(BackupManifest manifest, PrimaryFacts facts, String repository) {
        boolean otherMajor = manifest.postgresMajorVersion() != facts.majorVersion();
        boolean otherSystem = manifest.systemIdentifier() != null
                && facts.systemIdentifier() != null
                && !manifest.systemIdentifier().equals(facts.systemIdentifier());
        if (otherMajor || otherSystem) {
            throw new KeelException(
                    BackupError.CLUSTER_MISMATCH,
                    "backup " + manifest.id() + " in " + repository + " is of "
                            + (otherSystem ? "another cluster" : "PostgreSQL " + manifest.postgresMajorVersion())
                            + " than " + "the primary (PostgreSQL " + facts.version() + "), so it cannot follow it",
                    "choose a backup of this primary with --from-backup ID, or make the replica with --stream");
        }
    }

    /** How the standby reaches the primary: the host, port, user, password and sslmode keel itself connects with. */
    private String conninfo(String applicationName) {
        Properties parsed = Driver.parseURL(primary.jdbcUrl(), primary.properties());
        Properties properties = parsed == null ? primary.properties() : parsed;
        String password = primary.properties().getProperty("password", properties.getProperty("password"));
        String info = StandbyConfig.conninfo(primary.host(), primary.port(), primary.user(), password, applicationName);
        String sslMode = properties.getProperty("sslmode");
        return sslMode == null || sslMode.isBlank() ? info : info + " sslmode=" + sslMode;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
