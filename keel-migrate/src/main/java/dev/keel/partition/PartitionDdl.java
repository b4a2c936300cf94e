package dev.keel.partition;

import static dev.keel.sql.Identifiers.qualified;

/** The statements that create a set's partitions, shared by create_partitioned_table and maintenance. */
public final class PartitionDdl {

    private PartitionDdl() {}

    public static String bounds(PartitionSet set, long lower, long upper) {
        PartitionInterval width = set.width();
        return "FOR VALUES FROM (" + width.literal(lower) + ") TO (" + width.literal(upper) + ")";
    }

    /** Storage settings are per partition: a partitioned table holds no rows and takes none. */
    public static String with(PartitionSet set) {
        return set.settings() == null || set.settings().isBlank() ? "" : " WITH (" + set.settings() + ")";
    }

    public static String createRange(PartitionSet set, String partition, long lower, long upper) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(set.schema(), partition) + " PARTITION OF "
                + qualified(set.schema(), set.parent()) + " " + bounds(set, lower, upper) + with(set);
    }

    public static String createDefault(PartitionSet set) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(set.schema(), defaultName(set.parent())) + " PARTITION OF "
                + qualified(set.schema(), set.parent()) + " DEFAULT" + with(set);
    }

    public static String defaultName(String parent) {
        return parent + "_default";
    }
}
