package dev.keel.backup.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Crafted first page headers of WAL segments, laid out as XLogLongPageHeaderData. */
final class SegmentHeaders {
    static final long SYSTEM = 7_412_345_678_901_234_567L;
    static final int SEGMENT = 16 << 20;

    private SegmentHeaders() {}

    static byte[] header(
            ByteOrder order,
            int magic,
            int info,
            int timeline,
            long pageAddress,
            long systemIdentifier,
            long segmentSize,
            long blockSize) {
        ByteBuffer b = ByteBuffer.allocate(WalPageHeader.LENGTH).order(order);
        b.putShort(0, (short) magic)
                .putShort(2, (short) info)
                .putInt(4, timeline)
                .putLong(8, pageAddress)
                .putInt(16, 0)
                .putLong(24, systemIdentifier)
                .putInt(32, (int) segmentSize)
                .putInt(36, (int) blockSize);
        return b.array();
    }

    /** A valid first page of a 16 MiB segment as PostgreSQL 17 writes it on x86. */
    static byte[] first(int timeline, long pageAddress) {
        return header(
                ByteOrder.LITTLE_ENDIAN,
                0xD116,
                WalPageHeader.LONG_HEADER,
                timeline,
                pageAddress,
                SYSTEM,
                SEGMENT,
                8192);
    }
}
