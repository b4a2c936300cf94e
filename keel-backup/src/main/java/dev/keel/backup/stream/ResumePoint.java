package dev.keel.backup.stream;

import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.wal.WalPosition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where streaming starts: always at a segment's first byte, so every stored segment is whole.
 * The spool's partial segment comes first (an earlier run was receiving it), then the segment after
 * the newest one the repository holds, then the slot's restart position, then the server's
 * current position.
 *
 * @param source what the position was taken from, for the user
 */
public record ResumePoint(int timeline, long segment, String source) {

    public static ResumePoint choose(
            Optional<String> spoolPartial,
            List<WalSegment> repository,
            OptionalLong slotRestart,
            ServerIdentity server,
            WalPosition wal) {
        if (spoolPartial.isPresent()) {
            String name = spoolPartial.get();
            return new ResumePoint(WalPosition.timeline(name), wal.number(name), "the spool's partial segment " + name);
        }
        Optional<WalSegment> newest = repository.stream()
                .filter(s -> s.name().length() == 24)
                .max(Comparator.comparing(WalSegment::name).thenComparing(s -> !s.partial()));
        if (newest.isPresent()) {
            WalSegment last = newest.get();
            long number = wal.number(last.name());
            return last.partial()
                    ? new ResumePoint(last.timeline(), number, "the repository's partial segment " + last.name())
                    : new ResumePoint(
                            last.timeline(), number + 1, "the segment after the repository's newest, " + last.name());
        }
        if (slotRestart.isPresent() && slotRestart.getAsLong() != 0) {
            return new ResumePoint(
                    server.timeline(),
                    Long.divideUnsigned(slotRestart.getAsLong(), wal.segmentSize()),
                    "the slot's restart position");
        }
        return new ResumePoint(
                server.timeline(),
                Long.divideUnsigned(server.flushLsn(), wal.segmentSize()),
                "the server's current position");
    }

    public long lsn(WalPosition wal) {
        return segment * wal.segmentSize();
    }
}
