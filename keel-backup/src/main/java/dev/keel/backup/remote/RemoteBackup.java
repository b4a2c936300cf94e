package dev.keel.backup.remote;

import dev.keel.backup.BackupError;
import dev.keel.backup.base.BackupManifests;
import dev.keel.backup.base.BackupOptions;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.base.DatabaseOpener;
import dev.keel.backup.base.RunningBackup;
import dev.keel.backup.base.ServerFacts;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.incr.IncrementalPlan;
import dev.keel.backup.incr.ParentChoice;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A full base backup of a server keel does not run beside: BASE_BACKUP over a replication
 * connection, its tar stream unpacked into the repository file by file. A temporary physical slot,
 * created first on the same connection, holds the WAL from the backup's start until the server has
 * sent it in the archive's pg_wal/; it vanishes with the connection, also when keel is killed. The
 * manifest is written last, as for a local copy, so a backup cut short never looks complete.
 * An incremental one compares every file the server sends with the parent's by checksum (see
 * {@link ArchiveIngest}). Changed blocks would need BASE_BACKUP's INCREMENTAL option (PostgreSQL 17),
 * which wants the parent's PostgreSQL backup_manifest uploaded first; keel asks for MANIFEST 'no'.
 */
public final class RemoteBackup {
    /** BASE_BACKUP's option list and its typed COPY stream came with PostgreSQL 15. */
    static final int OLDEST_MAJOR = 15;

    private final BackupRepository repository;
    private final DatabaseOpener opener;
    private final ReplicationTarget target;
    private final String server;
    private final Clock clock;

    /** @param env for PGPASSFILE; the target already holds every other setting */
    public RemoteBackup(
            BackupRepository repository,
            DatabaseOpener opener,
            DatabaseTarget target,
            Map<String, String> env,
            Clock clock) {
        this(repository, opener, ReplicationTarget.from(target, env), clock);
    }

    RemoteBackup(BackupRepository repository, DatabaseOpener opener, ReplicationTarget target, Clock clock) {
        this.repository = repository;
        this.opener = opener;
        this.target = target;
        this.server = target.describe();
        this.clock = clock;
    }

    public BackupResult run(BackupOptions options) {
        return run(options, BackupType.FULL, note -> {});
    }

    /**
     * @param type INCREMENTAL builds on the newest fitting backup ({@link ParentChoice}, as the local method); without one
     *     the backup is full and {@code notes} hears why
     */
    public BackupResult run(BackupOptions options, BackupType type, Consumer<String> notes) {
        long began = System.nanoTime();
        ReplicationConnection connection = ReplicationConnection.open(target, "keel backup");
        try {
            ServerFacts facts = step("asking the server about itself", () -> RemoteServerFacts.read(connection));
            refuseUnsupported(facts);
            try (RunningBackup running = RunningBackup.start(repository, clock)) {
                return take(options, type, notes, began, connection, facts, running);
            }
        } finally {
            // closed already unless the backup failed before its stream ended; closing twice is harmless
            connection.close();
        }
    }

    private BackupResult take(
            BackupOptions options,
            BackupType type,
            Consumer<String> notes,
            long began,
            ReplicationConnection connection,
            ServerFacts facts,
            RunningBackup running) {
        String id;
        BaseBackupStream.Start start;
        BaseBackupStream.Position end;
        ArchiveIngest ingest;
        IncrementalPlan plan = null;
        Instant startTime;
        // The slot lives as long as this connection: close it before counting rows on ordinary connections.
        try (connection) {
            id = running.id();
            String slot = "keel_backup_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() & 0xffff);
            step(
                    "CREATE_REPLICATION_SLOT",
                    () -> connection.query(
                            "CREATE_REPLICATION_SLOT " + slot + " TEMPORARY PHYSICAL (RESERVE_WAL true)"));
            BaseBackupStream stream = new BaseBackupStream(connection.wire(), bytes -> {});
            start = step("BASE_BACKUP", () -> stream.begin(BaseBackupStream.command("keel " + id)));
            refuseTablespaces(start);
            startTime = clock.instant();
            if (type == BackupType.INCREMENTAL) {
                plan = ParentChoice.newest(
                                repository.catalog(),
                                facts.systemIdentifier(),
                                facts.majorVersion(),
                                start.position().timeline())
                        .map(IncrementalPlan::byChecksum)
                        .orElse(null);
                if (plan != null) {
                    running.buildsOn(plan.parent());
                }
                if (plan == null) {
                    notes.accept("no earlier backup of this cluster in "
                            + repository.store().describe() + ", so this backup is full; incremental ones build on it");
                }
            }
            ingest = new ArchiveIngest(repository, id, plan);
            // Thousands of files: made durable together right before the manifest, which alone declares the backup
            // complete.
            repository.store().deferDurability();
            try {
                options.progress()
                        .started("backing up " + server + " over the replication protocol", start.estimatedBytes(), 0);
                receive(stream, ingest, options);
                end = step("BASE_BACKUP", stream::finish);
                options.progress().finished();
            } finally {
                repository.store().makeDurable();
            }
        }
        // The replication connection is closed: the slot is gone, and the counts run on ordinary connections.
        BackupManifest manifest = BackupManifests.assemble(
                id,
                plan == null ? BackupType.FULL : BackupType.INCREMENTAL,
                plan == null ? null : plan.parent().id(),
                facts,
                start.position().timeline(),
                start.position().lsn(),
                end.lsn(),
                startTime,
                clock.instant(),
                ingest.files(),
                ingest.directories(),
                opener);
        running.checkAncestors(manifest);
        repository.writeManifest(manifest);
        running.complete();
        return BackupManifests.result(
                manifest,
                repository.store().describe(),
                ingest.walFiles().size(),
                began,
                plan == null ? "full" : plan.method());
    }

    private void receive(BaseBackupStream stream, ArchiveIngest ingest, BackupOptions options) {
        try {
            for (BaseBackupStream.Archive archive = stream.nextArchive();
                    archive != null;
                    archive = stream.nextArchive()) {
                if (!archive.location().isEmpty()) {
                    throw new KeelException(
                            BackupError.TABLESPACES_UNSUPPORTED,
                            server + " sent tablespace " + archive.location() + ", which keel backup does not copy yet",
                            "use pg_basebackup or pgBackRest for this cluster for now");
                }
                try (InputStream data = new MeteredInputStream(stream.data(), options.throttle(), options.progress())) {
                    ingest.ingest(data);
                }
            }
        } catch (IOException e) {
            throw ReplicationFailures.during("BASE_BACKUP", target, stream.failure() != null ? stream.failure() : e);
        } catch (KeelException e) {
            // The repository wraps a broken source stream as its own failure; the server's reason is the one to show.
            if (stream.failure() != null) {
                throw ReplicationFailures.during("BASE_BACKUP", target, stream.failure());
            }
            throw e;
        }
    }

    private void refuseUnsupported(ServerFacts facts) {
        if (facts.majorVersion() < OLDEST_MAJOR) {
            throw new KeelException(
                    BackupError.SERVER_UNSUPPORTED,
                    "keel backup over the replication protocol needs PostgreSQL " + OLDEST_MAJOR + " or later; "
                            + server + " runs " + facts.version(),
                    "upgrade the server, or use pg_basebackup for it");
        }
        if (facts.inRecovery()) {
            throw new KeelException(
                    BackupError.SERVER_UNSUPPORTED,
                    server + " is a standby; keel backup copies primaries only for now",
                    "run it against the primary");
        }
    }

    private void refuseTablespaces(BaseBackupStream.Start start) {
        for (BaseBackupStream.Tablespace tablespace : start.tablespaces()) {
            if (tablespace.oid() != null) {
                throw new KeelException(
                        BackupError.TABLESPACES_UNSUPPORTED,
                        server + " has tablespaces (" + tablespace.location()
                                + "), which keel backup does not copy yet",
                        "use pg_basebackup or pgBackRest for this cluster for now");
            }
        }
    }

    private <T> T step(String what, IoStep<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw ReplicationFailures.during(what, target, e);
        }
    }

    @FunctionalInterface
    private interface IoStep<T> {
        T run() throws IOException;
    }
}
