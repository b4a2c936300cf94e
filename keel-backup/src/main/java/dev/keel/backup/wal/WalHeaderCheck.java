package dev.keel.backup.wal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a WAL segment is the segment its name says, read from its first page header. Neither the
 * object format nor a manifest binds a WAL object to its name: an object moved or copied onto another
 * segment's name decodes fine. PostgreSQL notices ("unexpected pageaddr") only while replaying, and
 * then treats the segment as the end of the WAL, so recovery to latest would promote an older state
 * without an error. Checked here: the page address (the segment's position), the timeline, the
 * database system, and the sizes the long header records.
 * <p>
 * The timeline needs care: when a server is promoted inside a segment, PostgreSQL starts the new
 * timeline's file for that segment as a copy of the old timeline's up to the switch point, page
 * headers included. So the first page of a segment named after timeline N was written on the timeline
 * that N's history shows was current at the segment's start, which is N itself only when the segment
 * starts at or after N's switch point.
 */
public final class WalHeaderCheck {

    private final Map<Integer, TimelineHistory> histories;
    private final Set<String> systemIdentifiers;

    /**
     * @param histories the repository's timeline histories by timeline; a timeline without one is checked less strictly
     * @param systemIdentifiers the database systems the repository's backups are of; empty to not check
     */
    public WalHeaderCheck(Map<Integer, TimelineHistory> histories, Set<String> systemIdentifiers) {
        this.histories = Map.copyOf(histories);
        this.systemIdentifiers = Set.copyOf(systemIdentifiers);
    }

    /**
     * @param segment the segment's 24-digit name
     * @param partial a .partial object: a prefix of the segment, not the whole of it
     * @param head the content's first bytes ({@link WalPageHeader#LENGTH} of them, or all there are)
     * @param size the content's whole length
     * @return what is wrong, as a phrase about the segment; empty when it is what its name says
     */
    public Optional<String> problem(String segment, boolean partial, byte[] head, long size) {
        if (size < WalPageHeader.LENGTH || head.length < WalPageHeader.LENGTH) {
            return Optional.of(
                    "it holds " + size + " bytes, too few for the page header every WAL segment starts with");
        }
        WalPageHeader header = WalPageHeader.parse(head);
        if (!WalPageHeader.isWalMagic(header.magic())) {
            return Optional.of(String.format(
                    Locale.ROOT, "it does not start with a WAL page header (magic 0x%04X)", header.magic()));
        }
        if (!header.isLong()) {
            return Optional.of("its first page lacks the long header every WAL segment starts with");
        }
        long segmentSize = header.segmentSize();
        if (!WalPosition.isValidSegmentSize(segmentSize) || !powerOfTwo(header.blockSize(), 1024, 65536)) {
            return Optional.of("its header gives no valid segment size (" + segmentSize + ") or WAL block size ("
                    + header.blockSize() + ")");
        }
        if (partial ? size > segmentSize : size != segmentSize) {
            return Optional.of("it holds " + size + " bytes, but its header says a segment has " + segmentSize);
        }
        WalPosition position = new WalPosition(segmentSize);
        long start = position.number(segment) * segmentSize;
        if (header.pageAddress() != start) {
            return Optional.of("it is WAL from " + WalPosition.text(header.pageAddress()) + " (segment "
                    + position.name(header.timeline(), Long.divideUnsigned(header.pageAddress(), segmentSize))
                    + "), not from "
                    + WalPosition.text(start) + " as its name says");
        }
        int named = WalPosition.timeline(segment);
        Optional<Integer> expected = timelineAt(named, start);
        boolean timelineFits =
                expected.map(t -> t == header.timeline()).orElse(header.timeline() >= 1 && header.timeline() <= named);
        if (!timelineFits) {
            return Optional.of("its first page was written on timeline " + header.timeline() + ", but WAL at "
                    + WalPosition.text(start) + " on the way to timeline " + named + " was written on timeline "
                    + expected.map(String::valueOf).orElse("≤ " + named));
        }
        if (!systemIdentifiers.isEmpty() && !systemIdentifiers.contains(header.systemIdentifierText())) {
            return Optional.of("it is WAL of database system " + header.systemIdentifierText()
                    + ", but the backups are of " + String.join(", ", new TreeSet<>(systemIdentifiers)));
        }
        return Optional.empty();
    }

    /** The timeline that wrote the WAL at {@code lsn} in {@code timeline}'s history; empty when that history is unknown. */
    private Optional<Integer> timelineAt(int timeline, long lsn) {
        if (timeline == 1) {
            return Optional.of(1);
        }
        TimelineHistory history = histories.get(timeline);
        if (history == null) {
            return Optional.empty();
        }
        // Each branch ended its parent at the switch point: WAL before it is the parent's.
        for (TimelineHistory.Branch branch : history.branches()) {
            if (Long.compareUnsigned(lsn, WalPosition.lsn(branch.switchLsn())) < 0) {
                return Optional.of(branch.parent());
            }
        }
        return Optional.of(timeline);
    }

    private static boolean powerOfTwo(long value, long smallest, long largest) {
        return value >= smallest && value <= largest && Long.bitCount(value) == 1;
    }
}
