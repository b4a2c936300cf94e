package dev.keel.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every transaction committed so far on this session durable, at the server's configured
 * synchronous_commit level (local flush, or a synchronous standby too). A synchronous commit of a
 * transaction that wrote WAL waits for the WAL up to its commit record, which includes every earlier
 * commit. (Only one that wrote WAL: a transaction that merely took a transaction id commits
 * asynchronously all the same, so the barrier rewrites the newest history row.)
 * Migrations commit without waiting for their own flush and pass this barrier before keel reports
 * them applied: a crash in between loses whole migrations together with their history rows,
 * exactly like a keel killed one step earlier, and the next run applies them again.
 */
final class DurabilityBarrier {

    private DurabilityBarrier() {}

    static void flush(Connection connection, HistoryTable history) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.rollback();
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("RESET synchronous_commit");
            s.execute("UPDATE " + history.qualifiedName()
                    + " SET success = success WHERE installed_rank = (SELECT max(installed_rank) FROM "
                    + history.qualifiedName() + ")");
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
