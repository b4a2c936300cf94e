package dev.keel.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a counter with the true aggregate of its table, every group or a random sample of them, in one statement;
 * a repair adds each difference as a base row in that same statement, so what it adds is exactly the drift at its
 * snapshot, whatever writers do meanwhile.
 */
public final class CounterVerify {
    /** How many drifted groups a result lists; the number of them is always exact. */
    public static final int LISTED = 100;

    private final ProjectionCatalog catalog;

    public CounterVerify(ProjectionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param sample the number of groups compared, or null for all
     * @param drifted the groups that differ, at most {@link #LISTED}
     * @param skipped why the counter was not compared, or null
     */
    public record Result(
            String counter,
            Integer sample,
            long driftedGroups,
            List<DriftedGroup> drifted,
            boolean repaired,
            String skipped,
            long millis) {

        public boolean drift() {
            return driftedGroups > 0;
        }
    }

    public Result verify(Connection c, ProjectionCatalog.Entry entry, Integer sample, boolean repair)
            throws SQLException {
        long begin = System.nanoTime();
        if (!ProjectionCatalog.READY.equals(entry.state())) {
            return new Result(
                    entry.qualifiedName(), sample, 0, List.of(), false, "its base rows are not written yet", 0);
        }
        CounterDefinition counter = entry.counter();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (repair) {
                CounterLock.take(c, counter);
            }
            long count = 0;
            List<DriftedGroup> listed = new ArrayList<>();
            int groups = counter.groupBy().size();
            try (ResultSet rs = s.executeQuery(new CounterSql(counter).compare(sample, repair, catalog.table()))) {
                while (rs.next()) {
                    count++;
                    if (listed.size() < LISTED) {
                        String[] values = new String[groups];
                        for (int i = 0; i < groups; i++) {
                            values[i] = rs.getString(i + 1);
                        }
                        listed.add(new DriftedGroup(
                                Arrays.asList(values),
                                rs.getString(groups + 1),
                                rs.getString(groups + 2),
                                counter.sums() ? rs.getString(groups + 3) : null,
                                counter.sums() ? rs.getString(groups + 4) : null));
                    }
                }
            }
            catalog.stamp(c, entry, "last_verified");
            c.commit();
            return new Result(
                    counter.qualifiedName(),
                    sample,
                    count,
                    listed,
                    repair && count > 0,
                    null,
                    (System.nanoTime() - begin) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
