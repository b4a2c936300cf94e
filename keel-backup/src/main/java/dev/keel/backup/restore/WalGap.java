package dev.keel.backup.restore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a restore that was allowed to (--accept-gap) stopped at a gap in the WAL, and which commits it lost.
 *
 * @param missing the segments the repository lacks, the first of them where recovery stopped
 * @param target the target recovery was asked for and did not reach
 * @param lostAfter the last commit replayed: every commit after it is lost; null when none was replayed
 * @param lostFromLsn where replay stopped
 * @param lostToLsn the end of the newest WAL in the repository: commits up to it are lost
 * @param newestWalStoredAt when that newest WAL reached the repository (no lost commit is later); null where the store cannot tell
 */
public record WalGap(
        List<String> missing,
        String target,
        OffsetDateTime lostAfter,
        String lostFromLsn,
        String lostToLsn,
        Instant newestWalStoredAt) {
    public WalGap {
        missing = List.copyOf(missing);
    }

    /** One line for the user: where it stopped and the window of commits lost. */
    public String describe() {
        return "stopped at a gap in the WAL: segment " + missing.get(0) + " is missing"
                + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
                + ", so the target " + (target.equals("latest") ? "latest (the newest WAL)" : target)
                + " was not reached"
                + "; lost: every commit after " + (lostAfter == null ? "the backup's end" : lostAfter.toString())
                + " (LSN " + lostFromLsn + ")"
                + " up to the end of the repository's WAL (LSN " + lostToLsn
                + (newestWalStoredAt == null ? "" : ", stored " + newestWalStoredAt) + ")";
    }
}
