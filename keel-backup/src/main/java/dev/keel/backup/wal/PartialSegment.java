package dev.keel.backup.wal;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A segment received only in part. PostgreSQL accepts a restored segment only at its full size, and
 * stops replay at the first page that holds no valid WAL, so zeros after the received part are
 * exactly right. The segment size is in the long header on the segment's first page.
 */
public final class PartialSegment {

    private PartialSegment() {}

    public static void padToFullSize(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] head = new byte[WalPageHeader.LENGTH];
            if (raf.length() < head.length) {
                throw new KeelException(
                        BackupError.OBJECT_DAMAGED,
                        "the partial WAL segment " + file.getFileName() + " is too short to hold a page header",
                        "run keel backup verify; the repository's copy is damaged");
            }
            raf.readFully(head);
            long size = WalPageHeader.parse(head).segmentSize();
            if (!WalPosition.isValidSegmentSize(size) || raf.length() > size) {
                throw new KeelException(
                        BackupError.OBJECT_DAMAGED,
                        "the partial WAL segment " + file.getFileName() + " has no valid segment size in its header",
                        "run keel backup verify; the repository's copy is damaged");
            }
            raf.setLength(size);
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED, "cannot extend " + file + ": " + e.getMessage(), "check free space", e);
        }
    }
}
