package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists what a base backup must copy, leaving out what PostgreSQL documents as safe to omit
 * ("Making a Base Backup Using the Low Level API"): files rebuilt or meaningless at start-up, and
 * the contents (not the directories) of pg_wal and the other runtime directories. The WAL the
 * backup needs is stored apart, from pg_wal, after pg_backup_stop.
 */
public final class DataDirectoryWalk {
    /** Kept as empty directories: PostgreSQL needs them to exist but not their contents. */
    static final Set<String> CONTENTS_OMITTED = Set.of(
            "pg_wal",
            "pg_dynshmem",
            "pg_notify",
            "pg_replslot",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");
    /** Top-level files that describe the running server, or a backup of it, rather than its data. */
    static final Set<String> TOP_LEVEL_OMITTED = Set.of(
            "postmaster.pid",
            "postmaster.opts",
            "backup_label",
            "backup_label.old",
            "tablespace_map",
            "tablespace_map.old",
            "postgresql.auto.conf.tmp",
            "current_logfiles.tmp",
            "backup_manifest");

    private DataDirectoryWalk() {}

    public static DataDirectoryContent scan(Path dataDir) {
        refuseTablespaces(dataDir);
        List<DataDirectoryContent.SourceFile> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(dataDir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = relative(dataDir, dir);
                    if (dir.getFileName().toString().startsWith("pgsql_tmp")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.add(path);
                    return CONTENTS_OMITTED.contains(path) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = relative(dataDir, file);
                    if (attrs.isSymbolicLink() && CONTENTS_OMITTED.contains(path)) {
                        // pg_wal may be a link to another disk (initdb --waldir): restore makes it a directory.
                        directories.add(path);
                    } else if (attrs.isRegularFile()
                            && !omitted(path, file.getFileName().toString())) {
                        files.add(new DataDirectoryContent.SourceFile(path, file, attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        // Dropped while we listed: WAL replay knows it is gone.
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.DATA_DIRECTORY_UNREADABLE,
                    "cannot list the data directory " + dataDir + ": " + e.getMessage(),
                    "run keel as a user that can read the whole data directory (usually the postgres user)",
                    e);
        }
        return new DataDirectoryContent(files, directories);
    }

    static boolean omitted(String path, String name) {
        return TOP_LEVEL_OMITTED.contains(path) || name.equals("pg_internal.init") || name.startsWith("pgsql_tmp");
    }

    private static void refuseTablespaces(Path dataDir) {
        try (var links = Files.list(dataDir.resolve("pg_tblspc"))) {
            if (links.findAny().isPresent()) {
                throw new KeelException(
                        BackupError.TABLESPACES_UNSUPPORTED,
                        "the cluster in " + dataDir + " has tablespaces, which keel backup does not copy yet",
                        "use pg_basebackup or pgBackRest for this cluster for now");
            }
        } catch (NoSuchFileException e) {
            // no pg_tblspc: nothing to refuse
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.DATA_DIRECTORY_UNREADABLE,
                    "cannot read " + dataDir.resolve("pg_tblspc") + ": " + e.getMessage(),
                    "run keel as a user that can read the data directory",
                    e);
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
