package dev.keel.migrate.shadow;

import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The target's estimated rows per table (pg_class.reltuples), by schema and name, so that two
 * schemas holding a table of the same name keep their own counts.
 */
public final class TargetRows {
    private final Map<RelationName, Long> rows;

    public TargetRows(Map<RelationName, Long> rows) {
        this.rows = Map.copyOf(rows);
    }

    public static TargetRows read(Connection target) throws SQLException {
        Map<RelationName, Long> rows = new HashMap<>();
        try (Statement s = target.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(TargetRows.class, "target-rows.sql"))) {
            while (rs.next()) {
                rows.put(new RelationName(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
        }
        return new TargetRows(rows);
    }

    /** Empty when the table is not on the target or was never analyzed or vacuumed there (reltuples -1). */
    public OptionalLong estimate(RelationName table) {
        Long n = rows.get(table);
        return n == null || n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** "~12M rows on the target", for the message beside a table's name. */
    public String describe(RelationName table) {
        OptionalLong n = estimate(table);
        return n.isPresent()
                ? "~" + RowCounts.human(n.getAsLong()) + " rows on the target"
                : "no row estimate on the target";
    }
}
