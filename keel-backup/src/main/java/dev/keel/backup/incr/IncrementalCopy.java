package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.backup.base.DataDirectoryContent;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BlockDelta;
import dev.keel.backup.catalog.BundleWriter;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.StoredObject;
import dev.keel.backup.transfer.MeteredInputStream;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Copies one file into an incremental backup, storing as little as is safe:
 * <ul>
 *   <li>a file the parent lacks, or one of another size, is stored whole;</li>
 *   <li>a relation fork WAL fully logs, when WAL summaries cover the range, is stored as its changed blocks;</li>
 *   <li>any other file is read whole and hashed: with the size and SHA-256 of the parent's copy it is not stored again,
 *       the entry points at the parent's object. Hashing reads the whole file, as a size and a modification time
 *       prove nothing (PostgreSQL rewrites pages in place); it saves the repository's space and the upload, not the read.</li>
 * </ul>
 * Which parent entries may be borrowed is {@link IncrementalPlan#unchanged}'s rule, shared with the
 * stream method's ingest.
 */
public final class IncrementalCopy {
    /** Past this share of changed blocks a whole copy is smaller to keep and quicker to restore. */
    private static final double WHOLE_FILE_SHARE = 0.5;

    private final BackupRepository repository;
    private final String backupId;
    private final IncrementalPlan plan;
    private final Throttle throttle;
    private final TransferProgress progress;

    public IncrementalCopy(
            BackupRepository repository,
            String backupId,
            IncrementalPlan plan,
            Throttle throttle,
            TransferProgress progress) {
        this.repository = repository;
        this.backupId = backupId;
        this.plan = plan;
        this.throttle = throttle;
        this.progress = progress;
    }

    /** Null when the file vanished before it was read: a dropped relation that WAL replay drops again. */
    public BackupFile copy(DataDirectoryContent.SourceFile file) {
        return copy(file, null);
    }

    /**
     * @param bundle where a file stored whole goes, when the caller bundles this (small) file; null for an object of its own.
     *     Changed blocks are stored as deltas of their own either way.
     */
    public BackupFile copy(DataDirectoryContent.SourceFile file, BundleWriter bundle) {
        try {
            Optional<BackupFile> parent = plan.parentFile(file.path());
            if (parent.isEmpty()) {
                return whole(file, progress, bundle);
            }
            Optional<RelationFile> relation = RelationFile.parse(file.path());
            if (plan.blocks() != null
                    && relation.isPresent()
                    && relation.get().walLogged()
                    && !unlogged(file, relation.get())) {
                return blocks(file, relation.get(), parent.get());
            }
            long size = Files.size(file.file());
            if (!plan.mayBeUnchanged(file.path(), size)) {
                return whole(file, progress, bundle);
            }
            Optional<BackupFile> unchanged = plan.unchanged(file.path(), size, sha256(file));
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            return whole(file, TransferProgress.NONE, bundle);
        } catch (NoSuchFileException e) {
            progress.advanced(file.size());
            return null;
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.DATA_DIRECTORY_UNREADABLE,
                    "cannot read " + file.file() + ": " + e.getMessage(),
                    "run keel as a user that can read the whole data directory (usually the postgres user)",
                    e);
        }
    }

    /** Unlogged relations are reset at the end of recovery; their changes reach no WAL summary, so they are compared whole. */
    private static boolean unlogged(DataDirectoryContent.SourceFile file, RelationFile relation) {
        return Files.exists(file.file().resolveSibling(relation.initForkName()));
    }

    private BackupFile blocks(DataDirectoryContent.SourceFile file, RelationFile relation, BackupFile parent)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file.file(), StandardOpenOption.READ)) {
            long length = channel.size();
            int blockSize = plan.blockSize();
            int blocks = (int) ((length + blockSize - 1) / blockSize);
            int parentBlocks = (int) ((parent.size() + blockSize - 1) / blockSize);
            BitSet store = plan.blocks().toStore(relation, blocks, parentBlocks);
            if (store.isEmpty() && length == parent.size()) {
                progress.advanced(file.size());
                return parent;
            }
            if (store.cardinality() > blocks * WHOLE_FILE_SHARE) {
                return whole(file, progress, null);
            }
            // The whole file's checksum as read is recorded too (see BackupFile): it costs a read, and keeps older keel
            // from misreading the delta.
            String sha = sha256(file);
            StoredObject stored = repository.write(
                    RepositoryLayout.blockDelta(backupId, file.path()),
                    BlockDeltaFormat.content(channel, blockSize, length, store));
            return new BackupFile(
                    file.path(),
                    length,
                    sha,
                    stored.name(),
                    stored.storedSize(),
                    new BlockDelta(plan.parent().id(), store.cardinality(), stored.size(), stored.sha256()));
        }
    }

    private BackupFile whole(DataDirectoryContent.SourceFile file, TransferProgress meter, BundleWriter bundle)
            throws IOException {
        try (InputStream in = new MeteredInputStream(Files.newInputStream(file.file()), throttle, meter)) {
            if (bundle != null) {
                return bundle.append(file.path(), in);
            }
            StoredObject stored = repository.write(RepositoryLayout.backupFile(backupId, file.path()), in);
            return new BackupFile(file.path(), stored.size(), stored.sha256(), stored.name(), stored.storedSize());
        }
    }

    private String sha256(DataDirectoryContent.SourceFile file) throws IOException {
        MessageDigest sha = sha();
        try (InputStream in = new MeteredInputStream(Files.newInputStream(file.file()), throttle, progress);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
