package dev.keel.partition;

/**
 * One partitioned table keel keeps, as create_partitioned_table declared it.
 *
 * @param strategy {@code range} or {@code list}
 * @param keyType the range key's kind; null for a list set
 * @param interval each partition's width, as written; null for a list set
 * @param retention how long a range partition is kept after its end; null to keep every one
 * @param retentionAction {@code detach} (kept as a table of its own) or {@code drop} (after {@code grace})
 * @param grace how long a detached partition waits before it is dropped; null for at once
 * @param settings storage parameters each new partition is created WITH (partitions do not inherit them); or null
 */
public record PartitionSet(
        String schema,
        String parent,
        String strategy,
        String keyColumn,
        KeyType keyType,
        String interval,
        int premake,
        String retention,
        String retentionAction,
        String grace,
        String settings,
        String declaredIn) {

    public static final String RANGE = "range";
    public static final String LIST = "list";
    public static final String DETACH = "detach";
    public static final String DROP = "drop";
    public static final int DEFAULT_PREMAKE = 4;

    public boolean range() {
        return RANGE.equals(strategy);
    }

    public PartitionInterval width() {
        return PartitionInterval.parse(interval, keyType);
    }

    public String qualifiedName() {
        return schema + "." + parent;
    }
}
