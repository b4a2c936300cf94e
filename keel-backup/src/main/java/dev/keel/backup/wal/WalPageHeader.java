package dev.keel.backup.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The long page header that starts every WAL segment (PostgreSQL's XLogLongPageHeaderData): the
 * short header (magic, info bits, timeline, the page's own WAL address, remaining length of a record
 * continued from the previous page) followed by the system identifier, the segment size and the
 * WAL block size. PostgreSQL writes it in the server's byte order; keel may read it on another machine,
 * so the order is the one in which the magic reads as a WAL magic.
 *
 * @param pageAddress xlp_pageaddr: the LSN of the page's first byte, for a segment's first page the segment's start
 * @param systemIdentifier xlp_sysid, an unsigned 64-bit number
 */
public record WalPageHeader(
        int magic, int info, int timeline, long pageAddress, long systemIdentifier, long segmentSize, long blockSize) {
    /** sizeof(XLogLongPageHeaderData) on every platform PostgreSQL supports (the short header is MAXALIGNed to 24). */
    public static final int LENGTH = 40;
    /** XLP_LONG_HEADER in xlp_info. */
    public static final int LONG_HEADER = 0x0002;

    /** @param head at least {@link #LENGTH} bytes from the start of a segment */
    public static WalPageHeader parse(byte[] head) {
        if (head.length < LENGTH) {
            throw new IllegalArgumentException("a long WAL page header needs " + LENGTH + " bytes, not " + head.length);
        }
        ByteBuffer little = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer big = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer b =
                isWalMagic(Short.toUnsignedInt(little.getShort(0))) || !isWalMagic(Short.toUnsignedInt(big.getShort(0)))
                        ? little
                        : big;
        return new WalPageHeader(
                Short.toUnsignedInt(b.getShort(0)),
                Short.toUnsignedInt(b.getShort(2)),
                b.getInt(4),
                b.getLong(8),
                b.getLong(24),
                Integer.toUnsignedLong(b.getInt(32)),
                Integer.toUnsignedLong(b.getInt(36)));
    }

    /**
     * XLOG_PAGE_MAGIC changes with every release whose WAL format changes, and has been 0xD0xx or
     * 0xD1xx since 9.x (0xD116 in 17), rising by a few per release: a range, so that a new release
     * does not make every segment look damaged.
     */
    public static boolean isWalMagic(int magic) {
        return magic >= 0xD000 && magic <= 0xD1FF;
    }

    public boolean isLong() {
        return (info & LONG_HEADER) != 0;
    }

    public String systemIdentifierText() {
        return Long.toUnsignedString(systemIdentifier);
    }
}
