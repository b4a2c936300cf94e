package dev.keel.doctor.checks;

import java.util.List;

/**
 * A change file that partitions a growing table by a time column, ready to review and save under db/migrations. The
 * interval keeps each partition under a target size at the table's growth, so partitions stay small enough to
 * vacuum and cache, and few enough for the planner.
 */
final class PartitionProposal {
    /** Intervals a time range partitioning accepts, shortest first, with their length in days. */
    private static final List<String> INTERVALS = List.of("1 day", "1 week", "1 month", "3 months", "1 year");

    private static final List<Double> DAYS = List.of(1.0, 7.0, 30.4, 91.3, 365.25);

    private PartitionProposal() {}

    /** The longest interval whose partition stays under {@code partitionBytes}; a month when growth is unknown. */
    static String interval(Double bytesPerDay, long partitionBytes) {
        if (bytesPerDay == null || bytesPerDay <= 0) {
            return "1 month";
        }
        String chosen = INTERVALS.get(0);
        for (int i = 0; i < INTERVALS.size(); i++) {
            if (bytesPerDay * DAYS.get(i) <= partitionBytes) {
                chosen = INTERVALS.get(i);
            }
        }
        return chosen;
    }

    static String changeFile(
            String qualifiedTable, String column, String interval, String why, boolean deletesOldRows) {
        StringBuilder yaml = new StringBuilder()
                .append("# Proposed by keel doctor (table-growth): ")
                .append(why)
                .append('\n')
                .append("# Save it as db/migrations/V<next>__partition_")
                .append(qualifiedTable.substring(qualifiedTable.indexOf('.') + 1))
                .append(".yaml, review it, and run keel check.\n")
                .append("operations:\n")
                .append("  - partition_table:\n")
                .append("      table: ")
                .append(qualifiedTable)
                .append('\n')
                .append("      partition_by: {column: ")
                .append(column)
                .append(", interval: ")
                .append(interval)
                .append(", premake: 4}\n");
        if (deletesOldRows) {
            yaml.append("      # old rows are deleted by ")
                    .append(column)
                    .append(": retention drops whole partitions instead; set the age you delete at\n")
                    .append("      # retention: 12 months\n");
        }
        return yaml.toString();
    }
}
