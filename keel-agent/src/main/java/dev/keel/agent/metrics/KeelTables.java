package dev.keel.agent.metrics;

import dev.keel.partition.PartitionSets;
import dev.keel.projection.ProjectionCatalog;

/** The registries in keel's schema a scrape reads, by their qualified names. */
record KeelTables(String projections, String partitionSets) {

    static KeelTables in(String stateSchema) {
        return new KeelTables(ProjectionCatalog.table(stateSchema), PartitionSets.table(stateSchema));
    }
}
