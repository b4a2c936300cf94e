package dev.keel.stats;

import java.time.OffsetDateTime;

/**
 * One stored snapshot of the server's cumulative counters.
 *
 * @param serverStartedAt {@code pg_postmaster_start_time()}: a change means the server restarted in between
 * @param statementsResetAt when pg_stat_statements was last reset as a whole; null before PostgreSQL 14
 * @param tablesResetAt when this database's table and index counters were last reset; null when never
 * @param statements how many statement rows the snapshot holds; likewise tables and indexes
 */
public record Snapshot(
        long id,
        OffsetDateTime takenAt,
        OffsetDateTime serverStartedAt,
        OffsetDateTime statementsResetAt,
        OffsetDateTime tablesResetAt,
        int serverVersion,
        long statements,
        long tables,
        long indexes) {

    public boolean sameServerRun(Snapshot other) {
        return serverStartedAt.isEqual(other.serverStartedAt);
    }
}
