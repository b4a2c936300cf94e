package dev.keel.backup.remote;

import dev.keel.backup.BackupError;
import dev.keel.backup.base.BundlePlan;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BundleWriter;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.StoredObject;
import dev.keel.backup.incr.IncrementalPlan;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the entries of the main data directory's tar archive in the repository, in the same
 * layout a local copy produces: each file as a backup file (backup_label included; small ones in bundles), each directory
 * in the manifest's list, and the WAL the server put into pg_wal/ in the shared wal/ area, so that
 * manifest, restore, verify, prune and drills cannot tell the two kinds of backup apart.
 *
 * <p>For an incremental backup a file whose SHA-256 and size equal the parent's whole-file entry
 * keeps no object of its own: its entry points at the parent's, as the local method's file-level
 * incremental does. The tar stream gives the size up front but the checksum only at the end, so a
 * file that may match (the parent has it with this size) is either held in memory and hashed first,
 * when small, or stored as usual and its object deleted once it proves identical. Every byte still
 * crosses the network; what this saves is repository space.
 */
final class ArchiveIngest {
    static final String WAL_DIRECTORY = "pg_wal/";
    /**
     * Files up to this size that may match the parent are hashed in memory before anything is written:
     * most of a data directory is small catalog, FSM and VM files, and a write followed by a delete for each
     * would cost more than the file. One such buffer at a time, as the archive is read in one pass.
     */
    static final int HASH_FIRST_LIMIT = 1 << 20;
    /** Restore writes pg_control last, and verify reads backup_label first: each keeps an object of its own. */
    static final Set<String> ALONE = Set.of("global/pg_control", "backup_label", "tablespace_map");

    private final BackupRepository repository;
    private final String backupId;
    private final IncrementalPlan plan;
    private final List<BackupFile> files = new ArrayList<>();
    private final List<String> directories = new ArrayList<>();
    private final List<String> walFiles = new ArrayList<>();
    /** The bundle small files are appended to now; the archive is read in one pass, so one at a time. */
    private BundleWriter bundle;

    private long bundleBytes;
    private int bundles;

    ArchiveIngest(BackupRepository repository, String backupId) {
        this(repository, backupId, null);
    }

    /** @param plan the parent to compare against, for an incremental backup; null for a full one */
    ArchiveIngest(BackupRepository repository, String backupId, IncrementalPlan plan) {
        this.repository = repository;
        this.backupId = backupId;
        this.plan = plan;
    }

    /** Reads the archive to its end. I/O failures of the stream come out as IOException, the repository's own as KeelException. */
    void ingest(InputStream archive) throws IOException {
        try {
            entries(archive);
            finishBundle();
        } finally {
            if (bundle != null) {
                // A failure before the bundle was committed: nothing of it becomes visible.
                bundle.close();
                bundle = null;
            }
        }
    }

    private void entries(InputStream archive) throws IOException {
        TarReader tar = new TarReader(archive);
        for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
            // PostgreSQL names one entry "./pg_wal/archive_status"; every other name has no "./".
            String path = entry.path().startsWith("./") ? entry.path().substring(2) : entry.path();
            if (path.isEmpty()
                    || path.startsWith("/")
                    || path.equals("..")
                    || path.startsWith("../")
                    || path.contains("/../")) {
                throw new IOException("the server sent a tar entry outside the data directory: " + entry.name());
            }
            if (entry.isDirectory()) {
                directories.add(path);
            } else if (entry.isSymbolicLink()) {
                // pg_tblspc/<oid> links: the tablespace list was checked before, so this is a cluster keel cannot
                // restore.
                throw new KeelException(
                        BackupError.TABLESPACES_UNSUPPORTED,
                        "the data directory holds a symbolic link " + path + " -> " + entry.linkName()
                                + ", which keel backup does not copy",
                        "use pg_basebackup or pgBackRest for this cluster for now");
            } else if (path.startsWith(WAL_DIRECTORY)) {
                wal(path.substring(WAL_DIRECTORY.length()), tar.content());
            } else {
                files.add(file(path, entry.size(), tar.content()));
            }
        }
    }

    private BackupFile file(String path, long size, InputStream content) throws IOException {
        if (plan == null || !plan.mayBeUnchanged(path, size)) {
            return stored(path, size, content);
        }
        if (size <= HASH_FIRST_LIMIT) {
            byte[] bytes = content.readNBytes((int) size);
            if (bytes.length != size) {
                throw new IOException(
                        "the tar entry " + path + " ends after " + bytes.length + " of " + size + " bytes");
            }
            Optional<BackupFile> unchanged =
                    plan.unchanged(path, size, HexFormat.of().formatHex(sha256().digest(bytes)));
            return unchanged.isPresent() ? unchanged.get() : stored(path, size, new ByteArrayInputStream(bytes));
        }
        BackupFile own = stored(path, size, content);
        Optional<BackupFile> unchanged = plan.unchanged(path, own.size(), own.sha256());
        if (unchanged.isPresent()) {
            // The object is this backup's own name, which nothing else refers to yet: the manifest is written last.
            repository.store().delete(own.object());
            return unchanged.get();
        }
        return own;
    }

    /** Small files go into bundles as a local backup's do; pg_control and backup_label are kept alone. */
    private BackupFile stored(String path, long size, InputStream content) throws IOException {
        if (size < BundlePlan.SMALL_FILE && !ALONE.contains(path)) {
            if (bundle == null) {
                bundle = repository.bundle(RepositoryLayout.bundle(backupId, bundles++));
                bundleBytes = 0;
            }
            BackupFile entry = bundle.append(path, content);
            bundleBytes += entry.size();
            if (bundleBytes >= BundlePlan.LARGEST_BUNDLE) {
                finishBundle();
            }
            return entry;
        }
        StoredObject stored = repository.write(RepositoryLayout.backupFile(backupId, path), content);
        return new BackupFile(path, stored.size(), stored.sha256(), stored.name(), stored.storedSize());
    }

    private void finishBundle() throws IOException {
        if (bundle != null) {
            bundle.commit();
            bundle.close();
            bundle = null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Segments and history files go to wal/, where keel wal push puts them too; one already there
     * is kept, as the local copy keeps it. The .done markers in archive_status mean nothing to a
     * repository and are dropped.
     */
    private void wal(String name, InputStream content) throws IOException {
        if (!RepositoryLayout.isWalFileName(name)) {
            content.transferTo(OutputStream.nullOutputStream());
            return;
        }
        walFiles.add(name);
        String object = RepositoryLayout.walFile(name);
        if (repository.store().exists(object)) {
            content.transferTo(OutputStream.nullOutputStream());
        } else {
            repository.write(object, content);
        }
    }

    List<BackupFile> files() {
        return List.copyOf(files);
    }

    List<String> directories() {
        return List.copyOf(directories);
    }

    /** The WAL file names the archive held, stored now or before. */
    List<String> walFiles() {
        return List.copyOf(walFiles);
    }
}
