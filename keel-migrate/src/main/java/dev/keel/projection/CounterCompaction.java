package dev.keel.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Folds a counter's committed deltas into its base rows, online: the fold is one statement that waits on no writer
 * (see {@link CounterSql#compact(String)}); compactions of one counter are serialised by an advisory lock, and one that
 * finds the lock taken skips instead of queueing behind it.
 */
public final class CounterCompaction {
    private final ProjectionCatalog catalog;

    public CounterCompaction(ProjectionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * What one compaction did.
     *
     * @param skipped why nothing was folded (initialising, another compaction running), or null
     */
    public record Result(String counter, long deltasFolded, long groupsWritten, String skipped, long millis) {}

    public Result compact(Connection c, ProjectionCatalog.Entry entry) throws SQLException {
        long begin = System.nanoTime();
        if (!ProjectionCatalog.READY.equals(entry.state())) {
            return new Result(
                    entry.qualifiedName(), 0, 0, "its base rows are not written yet (" + entry.state() + ")", 0);
        }
        CounterDefinition counter = entry.counter();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (!CounterLock.tryTake(c, counter)) {
                c.rollback();
                return new Result(counter.qualifiedName(), 0, 0, "another compaction of it is running", 0);
            }
            long folded;
            long written;
            try (ResultSet rs = s.executeQuery(new CounterSql(counter).compact(catalog.table()))) {
                rs.next();
                folded = rs.getLong(1);
                written = rs.getLong(2);
            }
            catalog.stamp(c, entry, "last_compacted");
            c.commit();
            return new Result(counter.qualifiedName(), folded, written, null, (System.nanoTime() - begin) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
