package dev.keel.advise;

import java.util.List;

/**
 * One index worth building.
 *
 * @param sql the statement to run: CREATE INDEX CONCURRENTLY IF NOT EXISTS …
 * @param helps the statements whose plan uses it, best first, with their estimated cost before and after
 * @param estimatedBytes the index's estimated size
 * @param writesPerSecond inserts, updates and deletes per second on the table since the statistics were reset:
 *                        each of them must also maintain the new index
 * @param migration the text of a migration file that builds it
 */
public record IndexProposal(String schema, String table, List<String> columns, String indexName, String sql, List<StatementGain> helps,
                            long estimatedBytes, double writesPerSecond, String migration) {

    public IndexProposal {
        columns = List.copyOf(columns);
        helps = List.copyOf(helps);
    }
}
