package dev.keel.backup.verify;

import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which WAL segments recovery from a backup needs, and which of them the repository lacks. The chain
 * runs from the backup's start segment to the newest segment of the newest timeline that descends
 * from the backup's timeline, switching timelines where their history files say they branched.
 */
public final class WalContinuity {
    private final Set<String> complete;
    private final Set<String> partial;
    private final Map<Integer, TimelineHistory> histories;

    /**
     * @param complete names of the complete segments in the repository
     * @param partial names of segments stored only as .partial (a server's last, unfinished segment)
     * @param histories the timeline history files in the repository, by timeline
     */
    public WalContinuity(Set<String> complete, Set<String> partial, Map<Integer, TimelineHistory> histories) {
        this.complete = complete;
        this.partial = partial;
        this.histories = histories;
    }

    /** @param stopSegment the backup's stop segment: the chain reaches at least this far even when newer WAL is gone */
    public WalChain from(String startSegment, String stopSegment, WalPosition wal) {
        int timeline = WalPosition.timeline(startSegment);
        int newest = newestDescendant(timeline);
        List<TimelineHistory.Branch> legs = newest == timeline
                ? List.of()
                : histories.get(newest).branches().stream()
                        .filter(b -> b.parent() >= timeline)
                        .toList();
        List<String> missing = new ArrayList<>();
        long from = wal.number(startSegment);
        int segments = 0;
        int current = timeline;
        for (TimelineHistory.Branch branch : legs) {
            long switchSegment = wal.numberOfLsn(branch.switchLsn());
            // The segment holding the switch point is continued on the child timeline, so the parent needs only those
            // before it.
            for (long n = from; n < switchSegment; n++, segments++) {
                String name = wal.name(current, n);
                if (!complete.contains(name)) {
                    missing.add(name);
                }
            }
            from = Math.max(from, switchSegment);
            current = next(legs, branch, newest);
        }
        long to = Math.max(newestOn(current, wal, from), current == timeline ? wal.number(stopSegment) : from);
        for (long n = from; n <= to; n++, segments++) {
            String name = wal.name(current, n);
            boolean lastAndPartial = n == to && partial.contains(name);
            if (!complete.contains(name) && !lastAndPartial) {
                missing.add(name);
            }
        }
        return new WalChain(startSegment, wal.name(current, to), segments, missing);
    }

    private int newestDescendant(int timeline) {
        int newest = timeline;
        for (TimelineHistory history : histories.values()) {
            if (history.timeline() > newest && history.descendsFrom(timeline)) {
                newest = history.timeline();
            }
        }
        return newest;
    }

    private static int next(List<TimelineHistory.Branch> legs, TimelineHistory.Branch branch, int newest) {
        int i = legs.indexOf(branch);
        return i + 1 < legs.size() ? legs.get(i + 1).parent() : newest;
    }

    private long newestOn(int timeline, WalPosition wal, long fallback) {
        String prefix = String.format(Locale.ROOT, "%08X", timeline);
        long newest = fallback;
        for (Set<String> names : List.of(complete, partial)) {
            for (String name : names) {
                if (name.startsWith(prefix)) {
                    newest = Math.max(newest, wal.number(name));
                }
            }
        }
        return newest;
    }
}
