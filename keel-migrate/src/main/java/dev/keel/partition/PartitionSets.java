package dev.keel.partition;

import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** keel.partition_sets and keel.partitions_detached: the declared sets, and what retention detached and will drop. */
public final class PartitionSets {
    private final String stateSchema;

    public PartitionSets(String stateSchema) {
        this.stateSchema = stateSchema;
    }

    public static String table(String stateSchema) {
        return Identifiers.qualified(stateSchema, "partition_sets");
    }

    public String stateSchema() {
        return stateSchema;
    }

    public static String detachedTable(String stateSchema) {
        return Identifiers.qualified(stateSchema, "partitions_detached");
    }

    /** The statement that records a set, as create_partitioned_table's start runs it; again, it changes nothing. */
    public static String upsert(String stateSchema, PartitionSet set) {
        return "INSERT INTO " + table(stateSchema)
                + " (schema_name, parent, strategy, key_column, key_type, part_interval, premake, retention,"
                + " retention_action, grace, settings, declared_in) VALUES (" + lit(set.schema()) + ", "
                + lit(set.parent()) + ", " + lit(set.strategy()) + ", " + lit(set.keyColumn()) + ", "
                + lit(set.keyType() == null ? null : set.keyType().name()) + ", " + lit(set.interval()) + ", "
                + set.premake() + ", " + lit(set.retention()) + ", " + lit(set.retentionAction()) + ", "
                + lit(set.grace()) + ", " + lit(set.settings()) + ", " + lit(set.declaredIn()) + ")"
                + " ON CONFLICT (schema_name, parent) DO UPDATE SET strategy = excluded.strategy,"
                + " key_column = excluded.key_column, key_type = excluded.key_type,"
                + " part_interval = excluded.part_interval, premake = excluded.premake,"
                + " retention = excluded.retention, retention_action = excluded.retention_action,"
                + " grace = excluded.grace, settings = excluded.settings, declared_in = excluded.declared_in";
    }

    /** What rollback of the declaring change runs. */
    public static String forget(String stateSchema, String schema, String parent) {
        return "DELETE FROM " + table(stateSchema) + " WHERE schema_name = " + lit(schema) + " AND parent = "
                + lit(parent);
    }

    private static String lit(String value) {
        return value == null ? "NULL" : Identifiers.literal(value);
    }

    /** Every declared set; none when keel never declared one here (the table does not exist). */
    public List<PartitionSet> all(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<PartitionSet> sets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT schema_name, parent, strategy, key_column, key_type,"
                        + " part_interval, premake, retention, retention_action, grace, settings, declared_in FROM "
                        + table(stateSchema) + " ORDER BY schema_name, parent");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sets.add(new PartitionSet(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5) == null ? null : KeyType.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)));
            }
        }
        return sets;
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table(stateSchema));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A partition retention detached; {@code dropAfter} null when it is kept. */
    public record Detached(String schema, String partition, String parent, Long dropAfter, boolean attached) {}

    /** The detached partitions of one set, with whether the table is (again, or still) a partition. */
    public List<Detached> detached(Connection c, PartitionSet set) throws SQLException {
        List<Detached> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.partition, extract(epoch FROM d.drop_after)::bigint,"
                + " EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid JOIN pg_namespace n ON"
                + " n.oid = k.relnamespace WHERE n.nspname = d.schema_name AND k.relname = d.partition)"
                + " FROM " + detachedTable(stateSchema) + " d WHERE d.schema_name = ? AND d.parent = ?"
                + " AND to_regclass(quote_ident(d.schema_name) || '.' || quote_ident(d.partition)) IS NOT NULL")) {
            s.setString(1, set.schema());
            s.setString(2, set.parent());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long after = rs.getLong(2);
                    out.add(new Detached(
                            set.schema(),
                            rs.getString(1),
                            set.parent(),
                            rs.wasNull() ? null : after,
                            rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** Recorded before the detach runs, so a crash between the two leaves the partition known. */
    public String recordDetach(PartitionSet set, String partition, Long dropAfter) {
        return "INSERT INTO " + detachedTable(stateSchema) + " (schema_name, partition, parent, drop_after) VALUES ("
                + lit(set.schema()) + ", " + lit(partition) + ", " + lit(set.parent()) + ", "
                + (dropAfter == null ? "NULL" : "to_timestamp(" + dropAfter + ")")
                + ") ON CONFLICT (schema_name, partition) DO NOTHING";
    }

    public String forgetDetached(String schema, String partition) {
        return "DELETE FROM " + detachedTable(stateSchema) + " WHERE schema_name = " + lit(schema) + " AND partition = "
                + lit(partition);
    }
}
