package dev.keel.agent.upkeep;

import dev.keel.partition.PartitionSets;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * keel.partition_sets set by set, with what the catalog shows of each: its partitions, those made ahead, and its
 * default partition's rows. The partition doctor checks plan each set and count its default partition's rows; this
 * reads neither a partition nor a table, so it stays one cheap statement however many partitions there are.
 */
public final class PartitionUpkeep {
    private PartitionUpkeep() {}

    /**
     * One declared set.
     *
     * @param keyType TIMESTAMPTZ, TIMESTAMP, DATE or INTEGER; null for a list set
     * @param parentExists false when the partitioned table is gone (dropped by hand)
     * @param partitions its partitions, the default one not counted
     * @param ahead partitions that start after now: those made ahead of the current interval; null but for a range set
     *     over time (an integer key has no now)
     * @param defaultRows the default partition's rows as the statistics estimate them; null without one
     */
    public record Row(
            String schema,
            String parent,
            String strategy,
            String keyColumn,
            String keyType,
            String interval,
            int premake,
            String retention,
            String retentionAction,
            boolean parentExists,
            long partitions,
            Long ahead,
            Double defaultRows) {

        public String qualifiedName() {
            return schema + "." + parent;
        }

        public boolean range() {
            return "range".equals(strategy);
        }
    }

    /** Every set; none when keel has declared none here (one statement more, to ask). */
    public static List<Row> read(Connection c, String stateSchema) throws SQLException {
        String table = PartitionSets.table(stateSchema);
        return Registry.exists(c, table) ? readExisting(c, table) : List.of();
    }

    /** Every set of a registry known to exist: one statement. */
    public static List<Row> readExisting(Connection c, String table) throws SQLException {
        // A detach left pending by an interrupted DETACH … CONCURRENTLY exists since PostgreSQL 14; such a partition
        // is on its way out and counts for nothing. The driver knows the version without asking the server.
        String pending = c.getMetaData().getDatabaseMajorVersion() >= 14 ? "i.inhdetachpending" : "false";
        String sql = SqlResources.load(
                PartitionUpkeep.class, "partition-sets.sql", Map.of("sets", table, "pending", pending));
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                boolean timeRange = "range".equals(rs.getString("strategy"))
                        && rs.getString("key_type") != null
                        && !"INTEGER".equals(rs.getString("key_type"));
                rows.add(new Row(
                        rs.getString("schema_name"),
                        rs.getString("parent"),
                        rs.getString("strategy"),
                        rs.getString("key_column"),
                        rs.getString("key_type"),
                        rs.getString("part_interval"),
                        rs.getInt("premake"),
                        rs.getString("retention"),
                        rs.getString("retention_action"),
                        rs.getBoolean("parent_exists"),
                        rs.getLong("partitions"),
                        timeRange ? rs.getLong("ahead") : null,
                        rs.getBoolean("has_default") ? Registry.nullable(rs, "default_rows") : null));
            }
        }
        return rows;
    }
}
