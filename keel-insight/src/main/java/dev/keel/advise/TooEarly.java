package dev.keel.advise;

import java.time.OffsetDateTime;

/**
 * An index with no scan yet, over a window shorter than {@code advise.unusedAfter}: too early to call
 * it unused. Right after a statistics reset, a restart or the index's own creation every index
 * reads "no scan", so this is what the report shows instead of a DROP INDEX.
 *
 * @param countingSince since when its scans are known to be counted (a reset, the server's start, its
 *     creation as the snapshots show it, or the oldest snapshot that saw it unused)
 * @param observedSeconds how long that is
 * @param judgeableAt from when advice may call it unused if it still has no scan
 */
public record TooEarly(
        String schema,
        String table,
        String index,
        OffsetDateTime countingSince,
        long observedSeconds,
        OffsetDateTime judgeableAt) {}
