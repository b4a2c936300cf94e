package dev.keel.backup.wal;

import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A segment received only in part. PostgreSQL accepts a restored segment only at its full size, and
 * stops replay at the first page that holds no valid WAL, so zeros after the received part are
 * exactly right. The segment size is in the long header on the segment's first page.
 */
public final class PartialSegment {
    /** xlp_seg_size in XLogLongPageHeaderData: after the short header (24 bytes) and the system id (8). */
    private static final int SEGMENT_SIZE_OFFSET = 32;
    private static final long SMALLEST = 1L << 20;
    private static final long LARGEST = 1L << 30;

    private PartialSegment() {
    }

    public static void padToFullSize(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] header = new byte[SEGMENT_SIZE_OFFSET + 4];
            if (raf.length() < header.length) {
                throw KeelException.failed("the partial WAL segment " + file.getFileName() + " is too short to hold a page header",
                        "run keel backup verify; the repository's copy is damaged");
            }
            raf.readFully(header);
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt(SEGMENT_SIZE_OFFSET));
            if (size < SMALLEST || size > LARGEST || Long.bitCount(size) != 1 || raf.length() > size) {
                throw KeelException.failed("the partial WAL segment " + file.getFileName() + " has no valid segment size in its header",
                        "run keel backup verify; the repository's copy is damaged");
            }
            raf.setLength(size);
        } catch (IOException e) {
            throw KeelException.operation("cannot extend " + file + ": " + e.getMessage(), "check free space", e);
        }
    }
}
