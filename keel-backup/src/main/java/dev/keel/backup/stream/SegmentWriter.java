package dev.keel.backup.stream;

import dev.keel.backup.BackupError;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;

/**
 * Lays streamed WAL into spool segments: each byte at its offset in the segment its position falls
 * in. A message may cross a segment boundary; a full segment is finished and queued for the
 * repository at once.
 */
final class SegmentWriter implements AutoCloseable {
    private final WalSpool spool;
    private final WalUploader uploader;
    private final WalPosition wal;
    private final int timeline;
    private SpoolSegment segment;
    private long segmentStart;
    private long written;

    SegmentWriter(WalSpool spool, WalUploader uploader, WalPosition wal, int timeline, long start) {
        this.spool = spool;
        this.uploader = uploader;
        this.wal = wal;
        this.timeline = timeline;
        this.written = start;
    }

    /** The position after the last byte written. */
    long written() {
        return written;
    }

    void write(PhysicalStream.WalData data) {
        if (data.start() != written) {
            throw new KeelException(
                    BackupError.WAL_STREAM_OUT_OF_ORDER,
                    "the server sent WAL from " + WalPosition.text(data.start()) + " where " + WalPosition.text(written)
                            + " was expected",
                    "restart keel wal stream; it resumes at the segment it was receiving");
        }
        int offset = data.offset();
        int left = data.length();
        while (left > 0) {
            if (segment == null) {
                long number = Long.divideUnsigned(written, wal.segmentSize());
                segmentStart = number * wal.segmentSize();
                segment = spool.open(wal.name(timeline, number), wal.segmentSize());
            }
            long inSegment = written - segmentStart;
            int n = (int) Math.min(left, wal.segmentSize() - inSegment);
            segment.write(inSegment, data.data(), offset, n);
            offset += n;
            left -= n;
            written += n;
            if (written - segmentStart == wal.segmentSize()) {
                uploader.finished(segment.finish());
                uploader.publish(null);
                segment = null;
            }
        }
    }

    /** Makes everything written durable, and offers the current segment's flushed part to the uploader. */
    void force() {
        if (segment != null) {
            segment.force();
            uploader.publish(new PartialState(timeline, segment.name(), segment.partialFile(), written - segmentStart));
        }
    }

    /** The old timeline ended here: its last, partial segment goes to the repository as such and leaves the spool. */
    void endTimeline(int tli) {
        if (segment != null) {
            segment.force();
            segment.close();
            uploader.publish(null);
            uploader.historic(tli, segment.name(), spool.retire(segment.name()));
            segment = null;
        }
    }

    @Override
    public void close() {
        if (segment != null) {
            segment.force();
            segment.close();
        }
    }
}
