package dev.keel.agent.metrics;

import dev.keel.agent.upkeep.PartitionUpkeep;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * keel.partition_sets in one statement over the catalog: for each declared set its partitions, those made ahead
 * against its premake, and the rows of its default partition as the statistics estimate them. The doctor's partition
 * checks go further (they count the default partition's rows and plan each set); a scrape reads no table.
 */
final class PartitionGauges {
    private PartitionGauges() {}

    static List<Family> read(Connection c, String registry) throws SQLException {
        return families(PartitionUpkeep.readExisting(c, registry));
    }

    static List<Family> families(List<PartitionUpkeep.Row> rows) {
        Family sets = Family.gauge("keel_partition_sets", "Partition sets keel keeps (create_partitioned_table)");
        Family partitions =
                Family.gauge("keel_partitions", "Partitions of a declared set, its default partition not counted");
        Family ahead = Family.gauge(
                "keel_partitions_ahead", "Partitions of a time range set that start after now: those made ahead");
        Family premake = Family.gauge(
                "keel_partition_premake", "Partitions a range set is to keep ready after the current one (premake)");
        Family defaultRows = Family.gauge(
                "keel_partition_default_rows",
                "Rows in a set's default partition, as the statistics estimate them: rows no partition was ready for");
        sets.add(rows.size());
        for (PartitionUpkeep.Row r : rows) {
            Labels set = Labels.of("set", r.qualifiedName());
            partitions.add(set, r.partitions());
            if (r.ahead() != null) {
                ahead.add(set, r.ahead());
            }
            if (r.range()) {
                premake.add(set, r.premake());
            }
            if (r.defaultRows() != null) {
                defaultRows.add(set, r.defaultRows());
            }
        }
        return List.of(sets, partitions, ahead, premake, defaultRows);
    }
}
