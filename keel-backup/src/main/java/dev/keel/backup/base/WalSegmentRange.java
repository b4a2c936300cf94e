package dev.keel.backup.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The WAL segment names from one segment to another on the same timeline, both included. */
public final class WalSegmentRange {
    private WalSegmentRange() {
    }

    public static List<String> between(String first, String last, long segmentSize) {
        if (!first.substring(0, 8).equals(last.substring(0, 8))) {
            throw new IllegalArgumentException("segments " + first + " and " + last + " are on different timelines");
        }
        long perLogId = 0x1_0000_0000L / segmentSize;
        long from = number(first, perLogId);
        long to = number(last, perLogId);
        List<String> names = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            names.add(String.format(Locale.ROOT, "%s%08X%08X", first.substring(0, 8), n / perLogId, n % perLogId));
        }
        return names;
    }

    private static long number(String segment, long perLogId) {
        return Long.parseLong(segment.substring(8, 16), 16) * perLogId + Long.parseLong(segment.substring(16, 24), 16);
    }
}
