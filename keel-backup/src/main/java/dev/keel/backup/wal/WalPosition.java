package dev.keel.backup.wal;

import java.util.Locale;

/** WAL segment names and numbers for one segment size: the arithmetic pg_walfile_name does. */
public record WalPosition(long segmentSize) {
    public static final long DEFAULT_SEGMENT_SIZE = 16L * 1024 * 1024;
    public static final long SMALLEST_SEGMENT_SIZE = 1L << 20;
    public static final long LARGEST_SEGMENT_SIZE = 1L << 30;

    /** PostgreSQL allows powers of two from 1 MiB to 1 GiB (initdb --wal-segsize). */
    public static boolean isValidSegmentSize(long size) {
        return size >= SMALLEST_SEGMENT_SIZE && size <= LARGEST_SEGMENT_SIZE && Long.bitCount(size) == 1;
    }

    public long perLogId() {
        return 0x1_0000_0000L / segmentSize;
    }

    public long number(String segment) {
        return Long.parseLong(segment.substring(8, 16), 16) * perLogId()
                + Long.parseLong(segment.substring(16, 24), 16);
    }

    public long numberOfLsn(String lsn) {
        return Long.divideUnsigned(lsn(lsn), segmentSize);
    }

    public String name(int timeline, long number) {
        return String.format(Locale.ROOT, "%08X%08X%08X", timeline, number / perLogId(), number % perLogId());
    }

    public static int timeline(String segment) {
        return Integer.parseUnsignedInt(segment.substring(0, 8), 16);
    }

    /** One unsigned number in PostgreSQL's text form, 16/B374D848. */
    public static String text(long lsn) {
        return String.format(Locale.ROOT, "%X/%X", lsn >>> 32, lsn & 0xFFFF_FFFFL);
    }

    /** PostgreSQL's text form 16/B374D848 as one unsigned number. */
    public static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash).strip(), 16) << 32)
                | Long.parseLong(text.substring(slash + 1).strip(), 16);
    }

    /**
     * The segment size that puts {@code lsn} into {@code segment}. Manifests do not record the size,
     * but backup_label names the start LSN and its segment, and only one power of two maps one onto
     * the other (sizes are powers of two from 1 MiB to 1 GiB); the default when the LSN is too small to tell.
     */
    public static WalPosition matching(String lsn, String segment) {
        for (long size = SMALLEST_SEGMENT_SIZE; size <= LARGEST_SEGMENT_SIZE; size <<= 1) {
            WalPosition candidate = new WalPosition(size);
            if (candidate.name(timeline(segment), candidate.numberOfLsn(lsn)).equals(segment)
                    && candidate.numberOfLsn(lsn) > 0) {
                return candidate;
            }
        }
        return new WalPosition(DEFAULT_SEGMENT_SIZE);
    }
}
