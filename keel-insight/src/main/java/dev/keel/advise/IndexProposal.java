package dev.keel.advise;

import java.util.List;

/**
 * One index worth building.
 *
 * @param sql the statement to run: CREATE INDEX CONCURRENTLY IF NOT EXISTS …
 * @param helps the statements whose plan uses it, best first, with their estimated cost before and after
 * @param estimatedBytes the index's estimated size
 * @param writesPerSecond inserts, updates and deletes per second on the table (see {@code writes} for the split and its basis)
 * @param writes inserts, updates and deletes per second, between the two newest snapshots when there are two, and where that comes from
 * @param migration the text of a migration file that builds it
 */
public record IndexProposal(
        String schema,
        String table,
        List<String> columns,
        String indexName,
        String sql,
        List<StatementGain> helps,
        long estimatedBytes,
        double writesPerSecond,
        TableWrites writes,
        String migration) {

    public IndexProposal {
        columns = List.copyOf(columns);
        helps = List.copyOf(helps);
    }
}
