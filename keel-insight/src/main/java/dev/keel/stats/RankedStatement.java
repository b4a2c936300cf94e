package dev.keel.stats;

/**
 * One statement's activity within a window.
 *
 * @param query normalized text, constants replaced by $1, $2 …
 * @param sharePercent this statement's part of the execution time of all statements in the window
 * @param hitRatio shared blocks found in the buffer cache over all shared blocks touched; null when none were
 * @param countedFromZero its counters went down between the snapshots, so its figures count from that reset only
 */
public record RankedStatement(
        int rank,
        long queryId,
        String user,
        String query,
        long calls,
        double totalMs,
        double meanMs,
        long rows,
        long sharedBlocksHit,
        long sharedBlocksRead,
        Double hitRatio,
        long tempBlocks,
        double sharePercent,
        boolean countedFromZero) {}
