package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BundleReader;
import dev.keel.backup.incr.BackupChain;
import dev.keel.backup.incr.LayeredFile;
import dev.keel.backup.repo.FileSystemSync;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.backup.transfer.ParallelTransfer;
import dev.keel.backup.transfer.StreamCopy;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a backup's files into a data directory and checks each against the size and SHA-256 its
 * manifest recorded. A mismatch stops the restore: a cluster with one silently wrong file is worse
 * than no cluster.
 */
public final class BackupFetch {
    /** Directories PostgreSQL needs even when a manifest does not list them (older manifests list none). */
    static final List<String> REQUIRED_DIRECTORIES = List.of(
            "base",
            "global",
            "pg_commit_ts",
            "pg_dynshmem",
            "pg_logical",
            "pg_logical/mappings",
            "pg_logical/snapshots",
            "pg_multixact",
            "pg_multixact/members",
            "pg_multixact/offsets",
            "pg_notify",
            "pg_replslot",
            "pg_serial",
            "pg_snapshots",
            "pg_stat",
            "pg_stat_tmp",
            "pg_subtrans",
            "pg_tblspc",
            "pg_twophase",
            "pg_wal",
            "pg_wal/archive_status",
            "pg_xact");
    /**
     * Written last: without pg_control PostgreSQL refuses to start, so a restore that dies half way
     * leaves a directory nobody can start by mistake.
     */
    static final String CONTROL_FILE = "global/pg_control";

    private final BackupRepository repository;
    private final BackupChain chain;

    public BackupFetch(BackupRepository repository) {
        this.repository = repository;
        this.chain = new BackupChain(repository);
    }

    public void into(Path dataDir, BackupManifest manifest, int parallel, TransferProgress progress) {
        chain.missingAncestor(manifest).ifPresent(missing -> {
            throw new KeelException(
                    BackupError.PARENT_MISSING,
                    "backup " + manifest.id() + " is incremental and its ancestor " + missing + " is not in "
                            + repository.store().describe(),
                    "restore an older complete backup or take a new full one; keel backup verify names what is missing");
        });
        createDirectories(dataDir, manifest);
        List<BackupFile> first = new ArrayList<>();
        BackupFile control = null;
        for (BackupFile file : manifest.files()) {
            if (file.path().equals(CONTROL_FILE)) {
                control = file;
            } else {
                first.add(file);
            }
        }
        if (control == null) {
            throw new KeelException(
                    BackupError.BACKUP_UNREADABLE,
                    "backup " + manifest.id() + " has no " + CONTROL_FILE,
                    "restore another backup; this one cannot start");
        }
        progress.started(
                "restoring " + manifest.files().size() + " files of backup " + manifest.id(),
                manifest.totalSize(),
                manifest.files().size());
        List<BackupFile> alone = new ArrayList<>();
        Map<String, List<BackupFile>> bundles = new LinkedHashMap<>();
        for (BackupFile file : first) {
            if (file.bundled() && file.delta() == null) {
                bundles.computeIfAbsent(file.object(), o -> new ArrayList<>()).add(file);
            } else {
                alone.add(file);
            }
        }
        List<FetchTask> tasks = new ArrayList<>();
        try (WriteBehind durable = new WriteBehind()) {
            bundles.forEach((object, files) -> tasks.add(new FetchTask(
                    files.stream().mapToLong(BackupFile::size).sum(),
                    () -> fetchBundle(dataDir, manifest, object, files, progress, durable))));
            alone.forEach(file -> tasks.add(new FetchTask(
                    file.size(), () -> durable(durable, dataDir, fetch(dataDir, manifest, file, progress, durable)))));
            ParallelTransfer.run(
                    tasks,
                    parallel,
                    task -> {
                        task.work().run();
                        return null;
                    },
                    FetchTask::size);
            durable.awaitDurable();
            syncBundled(dataDir, bundles.values(), durable);
            // pg_control last, and durable only after everything it vouches for.
            durable(durable, dataDir, fetch(dataDir, manifest, control, progress, durable));
            durable.awaitDurable();
        }
        progress.finished();
    }

    private static void createDirectories(Path dataDir, BackupManifest manifest) {
        Set<String> all = new TreeSet<>(REQUIRED_DIRECTORIES);
        all.addAll(manifest.directories());
        try {
            for (String dir : all) {
                Path path = resolve(dataDir, dir);
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot create directories in " + dataDir + ": " + e.getMessage(),
                    "check its permissions and free space",
                    e);
        }
    }

    /** One bundle or one file to restore; the heaviest start first. */
    private record FetchTask(long size, Runnable work) {}

    private static Void durable(WriteBehind durable, Path dataDir, String path) {
        durable.written(resolve(dataDir, path));
        return null;
    }

    /** @return the file's path in the data directory, written and checked */
    private String fetch(
            Path dataDir, BackupManifest manifest, BackupFile file, TransferProgress progress, WriteBehind durable) {
        Path target = resolve(dataDir, file.path());
        if (file.delta() != null) {
            fetchLayers(target, manifest, file, progress);
            return file.path();
        }
        InputStream content;
        try {
            content = repository.read(file);
        } catch (KeelException e) {
            throw new KeelException(
                    e.code(), "backup " + manifest.id() + ", file " + file.path() + ": " + e.what(), e.todo(), e);
        }
        write(target, manifest, file, content, progress, durable);
        return file.path();
    }

    /** Every file of one bundle object, read in one pass: one request for the bundle, not one per file. */
    private void fetchBundle(
            Path dataDir,
            BackupManifest manifest,
            String object,
            List<BackupFile> files,
            TransferProgress progress,
            WriteBehind durable) {
        try (BundleReader reader = open(manifest, object, files)) {
            while (reader.hasNext()) {
                BackupFile entry = reader.next();
                write(resolve(dataDir, entry.path()), manifest, entry, reader.content(), progress, durable);
            }
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read bundle '" + object + "' from "
                            + repository.store().describe() + ": " + e.getMessage(),
                    "check that the repository is reachable, and run keel backup verify",
                    e);
        }
    }

    /**
     * Makes the small files of bundles durable with one syncfs of the target's file system: a fsync for each of
     * 19,000 files took most of a restore of 3,000 small tables. Where syncfs is not available, file by file.
     */
    private static void syncBundled(Path dataDir, Collection<List<BackupFile>> bundles, WriteBehind durable) {
        if (bundles.isEmpty() || FileSystemSync.of(dataDir)) {
            return;
        }
        bundles.forEach(files -> files.forEach(file -> durable.written(resolve(dataDir, file.path()))));
        durable.awaitDurable();
    }

    private BundleReader open(BackupManifest manifest, String object, List<BackupFile> files) {
        try {
            return new BundleReader(repository, object, files);
        } catch (KeelException e) {
            throw new KeelException(e.code(), "backup " + manifest.id() + ": " + e.what(), e.todo(), e);
        }
    }

    /** Writes {@code content} to {@code target} and checks it against the manifest's size and SHA-256. */
    private static void write(
            Path target,
            BackupManifest manifest,
            BackupFile file,
            InputStream content,
            TransferProgress progress,
            WriteBehind durable) {
        MessageDigest sha = sha256();
        long written;
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = new MeteredInputStream(content, Throttle.NONE, progress);
                    OutputStream out =
                            new DigestOutputStream(durable.flushingEarly(target, Files.newOutputStream(target)), sha)) {
                written = StreamCopy.copy(in, out, file.size());
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot write " + target + ": " + e.getMessage(),
                    "check the target directory's free space",
                    e);
        } catch (KeelException e) {
            throw new KeelException(
                    e.code(), "backup " + manifest.id() + ", file " + file.path() + ": " + e.what(), e.todo(), e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (written != file.size() || !actual.equals(file.sha256())) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "file " + file.path() + " of backup " + manifest.id() + " does not match its manifest (" + written
                            + " bytes, SHA-256 " + actual.substring(0, 12) + "…, expected " + file.size() + " bytes, "
                            + file.sha256().substring(0, 12) + "…)",
                    "the repository is damaged: restore another backup, and run keel backup verify");
        }
    }

    /** A block-level file of an incremental backup: its base copy with each ancestor's changed blocks applied in order. */
    private Void fetchLayers(Path target, BackupManifest manifest, BackupFile file, TransferProgress progress) {
        try {
            Files.createDirectories(target.getParent());
            new LayeredFile(repository).write(target, chain.layers(manifest, file));
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot write " + target + ": " + e.getMessage(),
                    "check the target directory's free space",
                    e);
        } catch (KeelException e) {
            throw new KeelException(
                    e.code(), "backup " + manifest.id() + ", file " + file.path() + ": " + e.what(), e.todo(), e);
        }
        progress.advanced(file.size());
        return null;
    }

    private static Path resolve(Path dataDir, String relative) {
        Path path = dataDir.resolve(relative).normalize();
        if (!path.startsWith(dataDir)) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "a manifest path leaves the data directory: " + relative,
                    "the manifest is not trustworthy; restore another backup");
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
