package dev.keel.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** keel projections verify for a cached column: the rows whose copy differs from the referenced row, and repair. */
public final class CachedColumnVerify {
    private static final int SHOWN = 20;

    /** @param drifted up to 20 of the rows that differ, as key, copy and truth */
    public record Result(
            String projection, long driftedRows, List<List<String>> drifted, boolean repaired, long millis) {

        public boolean drift() {
            return driftedRows > 0;
        }
    }

    private final ProjectionCatalog catalog;

    public CachedColumnVerify(ProjectionCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param limit rows examined at most (a sample on large tables), or null for every row */
    public Result verify(Connection c, ProjectionCatalog.Entry entry, Integer limit, boolean repair)
            throws SQLException {
        CachedColumnDefinition d = entry.cachedColumn();
        long start = System.nanoTime();
        c.setAutoCommit(true);
        long count = 0;
        List<List<String>> shown = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CachedColumnSql.drifted(d))) {
            s.setLong(1, limit == null ? Long.MAX_VALUE : limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count++;
                    if (shown.size() < SHOWN) {
                        shown.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        boolean repaired = false;
        if (count > 0 && repair) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(CachedColumnSql.repair(d));
            }
            repaired = true;
        }
        catalog.stamp(c, entry, "last_verified");
        return new Result(entry.qualifiedName(), count, shown, repaired, (System.nanoTime() - start) / 1_000_000);
    }
}
