package dev.keel.backup.drill;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What `keel drill` reports, as text or JSON.
 *
 * @param rtoMillis wall time from the drill's start until the restored cluster accepted queries
 * @param rpoMillis the primary's newest commit minus the newest commit the repository recovers; null when not measured
 * @param rowCountsExact whether the restore stopped at the backup's end, where every count must match
 * @param failures what missed; empty when the drill passed
 */
public record DrillResult(
        String id,
        String backupId,
        String target,
        Instant started,
        Instant finished,
        boolean passed,
        long rtoMillis,
        Long rpoMillis,
        Instant primaryNewestCommit,
        Instant recoverableNewestCommit,
        String recoveredLsn,
        OffsetDateTime recoveredTime,
        String postgresVersion,
        int tablesCompared,
        boolean rowCountsExact,
        List<String> rowCountDifferences,
        List<InvariantResult> invariants,
        IndexCheckResult indexCheck,
        String rpoTarget,
        String rtoTarget,
        List<String> failures) {}
