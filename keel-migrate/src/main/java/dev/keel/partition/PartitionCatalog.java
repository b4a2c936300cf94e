package dev.keel.partition;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partitions of every declared set in one catalog query, however many sets and partitions there are: maintenance
 * reads the catalog once, not once per partition.
 */
public final class PartitionCatalog {

    /** One partition of a set; {@code bound} null for the default partition and list partitions. */
    public record Partition(String name, boolean isDefault, PartitionBound bound, boolean detachPending) {}

    /** A set's parent as the catalog shows it; {@code exists} false when the table is gone. */
    public record Parent(boolean exists, List<Partition> partitions) {

        public Partition defaultPartition() {
            return partitions.stream().filter(Partition::isDefault).findFirst().orElse(null);
        }

        public List<Partition> ranges() {
            return partitions.stream().filter(p -> p.bound() != null).toList();
        }
    }

    private PartitionCatalog() {}

    /** By {@link PartitionSet#qualifiedName()}; the session's TimeZone must be UTC for time bounds to read right. */
    public static Map<String, Parent> read(Connection c, List<PartitionSet> sets) throws SQLException {
        Map<String, List<Partition>> found = new HashMap<>();
        Map<String, Boolean> exists = new HashMap<>();
        Map<String, KeyType> types = new HashMap<>();
        for (PartitionSet s : sets) {
            types.put(s.qualifiedName(), s.keyType());
        }
        // A detach left pending by an interrupted DETACH … CONCURRENTLY exists since PostgreSQL 14, as that does.
        String pending = c.getMetaData().getDatabaseMajorVersion() >= 14 ? "i.inhdetachpending" : "false";
        String sql =
                "SELECT w.schema_name, w.parent, p.oid IS NOT NULL, k.relname, pg_get_expr(k.relpartbound, k.oid), "
                        + pending
                        + " FROM unnest(?::text[], ?::text[]) AS w(schema_name, parent)"
                        + " LEFT JOIN pg_namespace n ON n.nspname = w.schema_name"
                        + " LEFT JOIN pg_class p ON p.relnamespace = n.oid AND p.relname = w.parent AND p.relkind = 'p'"
                        + " LEFT JOIN pg_inherits i ON i.inhparent = p.oid"
                        + " LEFT JOIN pg_class k ON k.oid = i.inhrelid"
                        + " ORDER BY 1, 2, 4";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array schemas = c.createArrayOf(
                    "text", sets.stream().map(PartitionSet::schema).toArray());
            Array parents = c.createArrayOf(
                    "text", sets.stream().map(PartitionSet::parent).toArray());
            s.setArray(1, schemas);
            s.setArray(2, parents);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    exists.put(key, rs.getBoolean(3));
                    List<Partition> list = found.computeIfAbsent(key, k -> new ArrayList<>());
                    String name = rs.getString(4);
                    if (name != null) {
                        String bound = rs.getString(5);
                        list.add(new Partition(
                                name,
                                "DEFAULT".equals(bound),
                                PartitionBound.parse(bound, types.get(key)),
                                rs.getBoolean(6)));
                    }
                }
            }
        }
        Map<String, Parent> out = new HashMap<>();
        for (PartitionSet set : sets) {
            String key = set.qualifiedName();
            out.put(key, new Parent(exists.getOrDefault(key, false), List.copyOf(found.getOrDefault(key, List.of()))));
        }
        return out;
    }
}
