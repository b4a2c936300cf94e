package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BundleWriter;
import dev.keel.backup.incr.IncrementalCopy;
import dev.keel.backup.repo.DiskFull;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/** Copies a group of small files of the data directory into one bundle object, one read of each and one write in all. */
final class BundleCopy {
    private final BackupRepository repository;
    private final BackupOptions options;

    BundleCopy(BackupRepository repository, BackupOptions options) {
        this.repository = repository;
        this.options = options;
    }

    /**
     * The incremental counterpart: each file is compared with the parent as {@link IncrementalCopy} does, and what
     * it stores whole goes into the bundle; unchanged files borrow the parent's entry and add nothing to it.
     */
    List<BackupFile> copy(String bundle, List<DataDirectoryContent.SourceFile> files, IncrementalCopy incremental) {
        List<BackupFile> entries = new ArrayList<>(files.size());
        try (BundleWriter writer = repository.bundle(bundle)) {
            for (DataDirectoryContent.SourceFile file : files) {
                BackupFile copied = incremental.copy(file, writer);
                if (copied != null) {
                    entries.add(copied);
                }
            }
            if (writer.entries() > 0) {
                writer.commit();
            }
        } catch (IOException e) {
            if (DiskFull.causedIt(e)) {
                throw DiskFull.error(bundle, repository.store().describe(), e);
            }
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot store bundle '" + bundle + "' in "
                            + repository.store().describe() + ": " + e.getMessage(),
                    "check that the repository is writable and has room",
                    e);
        }
        return entries;
    }

    /** @return the files' entries; a file that vanished before it was opened has none (WAL replay drops it again) */
    List<BackupFile> copy(String bundle, List<DataDirectoryContent.SourceFile> files) {
        List<BackupFile> entries = new ArrayList<>(files.size());
        try (BundleWriter writer = repository.bundle(bundle)) {
            for (DataDirectoryContent.SourceFile file : files) {
                InputStream in;
                try {
                    in = Files.newInputStream(file.file());
                } catch (NoSuchFileException e) {
                    options.progress().advanced(file.size());
                    continue;
                }
                try (InputStream metered = new MeteredInputStream(in, options.throttle(), options.progress())) {
                    entries.add(writer.append(file.path(), metered));
                }
            }
            if (writer.entries() > 0) {
                writer.commit();
            }
        } catch (IOException e) {
            if (DiskFull.causedIt(e)) {
                throw DiskFull.error(bundle, repository.store().describe(), e);
            }
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot copy small files of the data directory into bundle '" + bundle + "' in "
                            + repository.store().describe() + ": " + e.getMessage(),
                    "check that the data directory is readable (as the postgres user) and the repository writable",
                    e);
        }
        return entries;
    }
}
