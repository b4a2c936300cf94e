package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one incremental backup copies: against which parent, and whether by changed blocks (WAL
 * summaries cover the range) or by whole files compared by checksum.
 *
 * @param blocks the changed blocks; null when files are compared by checksum
 * @param fallback why there are no changed blocks, for the one-line warning; null with blocks
 */
public record IncrementalPlan(
        BackupManifest parent,
        Map<String, BackupFile> parentFiles,
        ChangedBlocks blocks,
        int blockSize,
        String fallback) {

    public String method() {
        return blocks != null ? "block" : "file";
    }

    public Optional<BackupFile> parentFile(String path) {
        return Optional.ofNullable(parentFiles.get(path));
    }

    /**
     * Whether a file of this size may be the parent's copy, before reading it: the parent has a
     * whole-file entry of the same size. A block delta is never borrowed, as its combined content
     * is not the file as read, so equal checksums would not mean equal content.
     */
    public boolean mayBeUnchanged(String path, long size) {
        BackupFile parent = parentFiles.get(path);
        return parent != null && parent.delta() == null && parent.size() == size;
    }

    /** The parent's entry when it holds exactly this content (same size and SHA-256), to point at instead of storing it again. */
    public Optional<BackupFile> unchanged(String path, long size, String sha256) {
        return mayBeUnchanged(path, size) && parentFiles.get(path).sha256().equals(sha256)
                ? parentFile(path)
                : Optional.empty();
    }

    /**
     * A plan that compares whole files by checksum only, for a copy that reads every file anyway
     * (BASE_BACKUP streams them all): there are no changed blocks to ask the server for.
     */
    public static IncrementalPlan byChecksum(BackupManifest parent) {
        return new IncrementalPlan(parent, filesByPath(parent), null, 0, null);
    }

    /**
     * @param startLsn this backup's start, right after pg_backup_start: the summaries must reach it
     * @param timeline this backup's timeline
     */
    public static IncrementalPlan make(
            Connection connection, BackupManifest parent, int majorVersion, int timeline, String startLsn) {
        Map<String, BackupFile> files = filesByPath(parent);
        int blockSize;
        long blocksPerSegment;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(IncrementalPlan.class, "block-facts.sql"))) {
            rs.next();
            blockSize = rs.getInt(1);
            blocksPerSegment = rs.getLong(2);
        } catch (SQLException e) {
            throw new KeelException(
                    BackupError.SERVER_COMMAND_FAILED,
                    "cannot read the server's block size: " + e.getMessage(),
                    "back up as a superuser",
                    e);
        }
        WalSummaries.Outcome outcome = parent.timeline() == timeline
                ? WalSummaries.between(
                        connection, majorVersion, timeline, parent.startLsn(), startLsn, blocksPerSegment)
                : new WalSummaries.Outcome(
                        null,
                        "the parent backup " + parent.id() + " is on timeline " + parent.timeline()
                                + " and this one on " + timeline + ", so unchanged files are found by checksum");
        return new IncrementalPlan(parent, files, outcome.blocks(), blockSize, outcome.unavailable());
    }

    private static Map<String, BackupFile> filesByPath(BackupManifest parent) {
        Map<String, BackupFile> files = new HashMap<>();
        parent.files().forEach(f -> files.put(f.path(), f));
        return files;
    }
}
