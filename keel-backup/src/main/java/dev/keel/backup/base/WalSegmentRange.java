package dev.keel.backup.base;

import dev.keel.backup.wal.WalPosition;
import java.util.ArrayList;
import java.util.List;

/** The WAL segment names from one segment to another on the same timeline, both included. */
public final class WalSegmentRange {
    private WalSegmentRange() {}

    public static List<String> between(String first, String last, long segmentSize) {
        if (!first.substring(0, 8).equals(last.substring(0, 8))) {
            throw new IllegalArgumentException("segments " + first + " and " + last + " are on different timelines");
        }
        WalPosition position = new WalPosition(segmentSize);
        int timeline = WalPosition.timeline(first);
        List<String> names = new ArrayList<>();
        for (long n = position.number(first); n <= position.number(last); n++) {
            names.add(position.name(timeline, n));
        }
        return names;
    }
}
