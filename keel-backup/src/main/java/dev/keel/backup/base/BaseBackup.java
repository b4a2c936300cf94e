package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.StoredObject;
import dev.keel.backup.incr.IncrementalCopy;
import dev.keel.backup.incr.IncrementalPlan;
import dev.keel.backup.incr.ParentChoice;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.backup.transfer.ParallelTransfer;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A base backup through the low-level API: pg_backup_start, a parallel copy of the data directory,
 * pg_backup_stop, then the WAL from start to stop. The manifest is written last, so a backup that
 * dies anywhere before it never counts as complete. An incremental one copies through
 * {@link IncrementalCopy} against the plan {@link IncrementalPlan} makes.
 */
public final class BaseBackup {
    /** pg_backup_start and pg_backup_stop got their names in PostgreSQL 15. */
    static final int OLDEST_MAJOR = 15;

    private final BackupRepository repository;
    private final DatabaseOpener opener;
    private final String server;
    private final Clock clock;

    public BaseBackup(BackupRepository repository, DatabaseOpener opener, String server, Clock clock) {
        this.repository = repository;
        this.opener = opener;
        this.server = server;
        this.clock = clock;
    }

    public BackupResult run(BackupOptions options) {
        return run(options, BackupType.FULL, note -> {});
    }

    /**
     * @param type INCREMENTAL builds on the newest fitting backup; without one the backup is full, as with
     *     pgBackRest, and {@code notes} hears why
     * @param notes one-line remarks for the user: a full backup instead, or why copying is by file and not by block
     */
    public BackupResult run(BackupOptions options, BackupType type, Consumer<String> notes) {
        long began = System.nanoTime();
        try (Connection connection = opener.open(null)) {
            return run(connection, began, options, type, notes);
        } catch (SQLException e) {
            throw sessionFailed(e);
        }
    }

    /**
     * As {@link #run(BackupOptions, BackupType, Consumer)}, on a connection to the configured database that the
     * caller opened (and closes): the one that found the data directory local, so a backup opens no second one.
     */
    public BackupResult run(Connection connection, BackupOptions options, BackupType type, Consumer<String> notes) {
        return run(connection, System.nanoTime(), options, type, notes);
    }

    private BackupResult run(
            Connection connection, long began, BackupOptions options, BackupType type, Consumer<String> notes) {
        try {
            connection.setAutoCommit(true);
            BackupSession session = new BackupSession(connection);
            ServerFacts facts = session.facts();
            refuseUnsupported(facts);
            Path dataDir = LocalDataDirectory.require(session.dataDirectory(), facts.systemIdentifier(), server);
            try (RunningBackup running = RunningBackup.start(repository, clock)) {
                return take(options, type, notes, began, connection, session, facts, dataDir, running);
            }
        } catch (SQLException e) {
            throw sessionFailed(e);
        }
    }

    private KeelException sessionFailed(SQLException e) {
        return new KeelException(
                BackupError.SERVER_COMMAND_FAILED,
                "the backup session to " + server + " failed: " + e.getMessage(),
                "run the backup again",
                e);
    }

    private BackupResult take(
            BackupOptions options,
            BackupType type,
            Consumer<String> notes,
            long began,
            Connection connection,
            BackupSession session,
            ServerFacts facts,
            Path dataDir,
            RunningBackup running) {
        String id = running.id();
        session.reserveWal("keel_backup_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() & 0xffff));
        BackupPoint start = session.start("keel " + id);
        Instant startTime = clock.instant();
        Optional<BackupManifest> parent = type == BackupType.INCREMENTAL
                ? ParentChoice.newest(
                        repository.catalog(), facts.systemIdentifier(), facts.majorVersion(), start.timeline())
                : Optional.empty();
        parent.ifPresent(running::buildsOn);
        if (type == BackupType.INCREMENTAL && parent.isEmpty()) {
            notes.accept("no earlier backup of this cluster in "
                    + repository.store().describe() + ", so this backup is full; incremental ones build on it");
        }
        IncrementalPlan plan = parent.map(
                        p -> IncrementalPlan.make(connection, p, facts.majorVersion(), start.timeline(), start.lsn()))
                .orElse(null);
        if (plan != null && plan.fallback() != null) {
            notes.accept(plan.fallback());
        }
        IncrementalCopy incremental =
                plan == null ? null : new IncrementalCopy(repository, id, plan, options.throttle(), options.progress());

        DataDirectoryContent content = DataDirectoryWalk.scan(dataDir);
        // Thousands of files: made durable together right before the manifest, which alone declares the backup
        // complete.
        repository.store().deferDurability();
        BackupManifest manifest;
        int walSegments;
        try {
            options.progress()
                    .started(
                            "backing up " + content.files().size() + " files",
                            content.totalSize(),
                            content.files().size());
            List<BackupFile> files = copyAll(id, content, options, incremental);
            BackupPoint stop = session.stop();
            BackgroundRowCounts counts = BackgroundRowCounts.start(opener);
            files.add(store(id, "backup_label", stop.labelFile()));
            if (!stop.tablespaceMap().isEmpty()) {
                files.add(store(id, "tablespace_map", stop.tablespaceMap()));
            }
            walSegments = copyWal(dataDir, start, stop, facts.walSegmentSize());
            options.progress().finished();
            Instant stopTime = clock.instant();
            repository.store().makeDurable();

            manifest = BackupManifests.assemble(
                    id,
                    plan == null ? BackupType.FULL : BackupType.INCREMENTAL,
                    plan == null ? null : plan.parent().id(),
                    facts,
                    start.timeline(),
                    start.lsn(),
                    stop.lsn(),
                    startTime,
                    stopTime,
                    files,
                    content.directories(),
                    counts.get());
        } finally {
            // Also after a failure: what was written is flushed, and the store commits durably again.
            repository.store().makeDurable();
        }
        running.checkAncestors(manifest);
        repository.writeManifest(manifest);
        running.complete();
        return BackupManifests.result(
                manifest, repository.store().describe(), walSegments, began, plan == null ? "full" : plan.method());
    }

    private void refuseUnsupported(ServerFacts facts) {
        if (facts.majorVersion() < OLDEST_MAJOR) {
            throw new KeelException(
                    BackupError.SERVER_UNSUPPORTED,
                    "keel backup needs PostgreSQL " + OLDEST_MAJOR + " or later; " + server + " runs "
                            + facts.version(),
                    "upgrade the server, or use pg_basebackup for it");
        }
        if (facts.inRecovery()) {
            throw new KeelException(
                    BackupError.SERVER_UNSUPPORTED,
                    server + " is a standby; keel backup copies primaries only for now",
                    "run it against the primary");
        }
    }

    /**
     * Small files go into bundles, the rest one object each; larger tasks first, so no worker finishes alone.
     *
     * @param incremental null for a full backup
     */
    private List<BackupFile> copyAll(
            String id, DataDirectoryContent content, BackupOptions options, IncrementalCopy incremental) {
        BundlePlan plan = BundlePlan.of(content.files(), options.parallel());
        BundleCopy bundles = new BundleCopy(repository, options);
        List<CopyTask> tasks = new ArrayList<>();
        for (DataDirectoryContent.SourceFile file : plan.alone()) {
            tasks.add(new CopyTask(file.size(), () -> {
                BackupFile copied = incremental == null ? copy(id, file, options) : incremental.copy(file);
                return copied == null ? List.of() : List.of(copied);
            }));
        }
        for (int i = 0; i < plan.bundles().size(); i++) {
            String name = RepositoryLayout.bundle(id, i);
            List<DataDirectoryContent.SourceFile> group = plan.bundles().get(i);
            long size = group.stream()
                    .mapToLong(DataDirectoryContent.SourceFile::size)
                    .sum();
            tasks.add(new CopyTask(
                    size,
                    () -> incremental == null ? bundles.copy(name, group) : bundles.copy(name, group, incremental)));
        }
        List<BackupFile> files = new ArrayList<>();
        ParallelTransfer.run(tasks, options.parallel(), task -> task.work().get(), CopyTask::size)
                .forEach(files::addAll);
        return files;
    }

    /** One file or one bundle to copy; the heaviest start first. */
    private record CopyTask(long size, Supplier<List<BackupFile>> work) {}

    /** Null when the file vanished before it was opened: a dropped relation that WAL replay drops again. */
    private BackupFile copy(String id, DataDirectoryContent.SourceFile file, BackupOptions options) {
        InputStream in;
        try {
            in = Files.newInputStream(file.file());
        } catch (NoSuchFileException e) {
            options.progress().advanced(file.size());
            return null;
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.DATA_DIRECTORY_UNREADABLE,
                    "cannot read " + file.file() + ": " + e.getMessage(),
                    "run keel as a user that can read the whole data directory (usually the postgres user)",
                    e);
        }
        try (InputStream metered = new MeteredInputStream(in, options.throttle(), options.progress())) {
            StoredObject stored = repository.write(RepositoryLayout.backupFile(id, file.path()), metered, file.size());
            return new BackupFile(file.path(), stored.size(), stored.sha256(), stored.name(), stored.storedSize());
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.DATA_DIRECTORY_UNREADABLE,
                    "cannot read " + file.file() + ": " + e.getMessage(),
                    "check the data directory's disk",
                    e);
        }
    }

    private BackupFile store(String id, String path, String text) {
        StoredObject stored = repository.write(
                RepositoryLayout.backupFile(id, path), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return new BackupFile(path, stored.size(), stored.sha256(), stored.name(), stored.storedSize());
    }

    /**
     * Stores the segments from the start to the stop segment, which the temporary slot kept in pg_wal,
     * so that the backup restores on its own, archiving or not. pg_backup_stop switched to a new
     * segment, so the last one is complete. Segments already archived are left as they are.
     */
    private int copyWal(Path dataDir, BackupPoint start, BackupPoint stop, long segmentSize) {
        List<String> names = new ArrayList<>(WalSegmentRange.between(start.walFile(), stop.walFile(), segmentSize));
        if (start.timeline() > 1) {
            names.add(RepositoryLayout.timelineHex(start.timeline()) + ".history");
        }
        for (String name : names) {
            String object = RepositoryLayout.walFile(name);
            if (repository.store().exists(object)) {
                continue;
            }
            Path file = dataDir.resolve("pg_wal").resolve(name);
            try (InputStream in = Files.newInputStream(file)) {
                repository.write(object, in);
            } catch (IOException e) {
                throw new KeelException(
                        BackupError.DATA_DIRECTORY_UNREADABLE,
                        "cannot copy WAL segment " + file + " into the repository: " + e.getMessage(),
                        "check that max_wal_size leaves the segments in pg_wal and run the backup again",
                        e);
            }
        }
        return names.size();
    }
}
