package dev.keel.agent.metrics;

import dev.keel.backup.replica.ReplicaRegistry;
import dev.keel.partition.PartitionSets;
import dev.keel.projection.ProjectionCatalog;

/** The registries in keel's schema a scrape reads, by their qualified names. */
record KeelTables(String projections, String partitionSets, String replicas) {

    static KeelTables in(String stateSchema) {
        return new KeelTables(
                ProjectionCatalog.table(stateSchema),
                PartitionSets.table(stateSchema),
                ReplicaRegistry.table(stateSchema));
    }
}
