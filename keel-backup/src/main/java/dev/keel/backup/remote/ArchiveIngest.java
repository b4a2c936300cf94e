package dev.keel.backup.remote;

import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.StoredObject;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the entries of the main data directory's tar archive in the repository, in the same
 * layout a local copy produces: each file as a backup file (backup_label included), each directory
 * in the manifest's list, and the WAL the server put into pg_wal/ in the shared wal/ area, so that
 * manifest, restore, verify, prune and drills cannot tell the two kinds of backup apart.
 */
final class ArchiveIngest {
    static final String WAL_DIRECTORY = "pg_wal/";

    private final BackupRepository repository;
    private final String backupId;
    private final List<BackupFile> files = new ArrayList<>();
    private final List<String> directories = new ArrayList<>();
    private final List<String> walFiles = new ArrayList<>();

    ArchiveIngest(BackupRepository repository, String backupId) {
        this.repository = repository;
        this.backupId = backupId;
    }

    /** Reads the archive to its end. I/O failures of the stream come out as IOException, the repository's own as KeelException. */
    void ingest(InputStream archive) throws IOException {
        TarReader tar = new TarReader(archive);
        for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
            // PostgreSQL names one entry "./pg_wal/archive_status"; every other name has no "./".
            String path = entry.path().startsWith("./") ? entry.path().substring(2) : entry.path();
            if (path.isEmpty() || path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
                throw new IOException("the server sent a tar entry outside the data directory: " + entry.name());
            }
            if (entry.isDirectory()) {
                directories.add(path);
            } else if (entry.isSymbolicLink()) {
                // pg_tblspc/<oid> links: the tablespace list was checked before, so this is a cluster keel cannot restore.
                throw KeelException.usage("the data directory holds a symbolic link " + path + " -> " + entry.linkName()
                        + ", which keel backup does not copy", "use pg_basebackup or pgBackRest for this cluster for now");
            } else if (path.startsWith(WAL_DIRECTORY)) {
                wal(path.substring(WAL_DIRECTORY.length()), tar.content());
            } else {
                StoredObject stored = repository.write(RepositoryLayout.backupFile(backupId, path), tar.content());
                files.add(new BackupFile(path, stored.size(), stored.sha256(), stored.name(), stored.storedSize()));
            }
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
