package dev.keel.partition;

import java.util.List;

/**
 * What keel partitions maintain did, or with --dry-run would do, to each declared set.
 *
 * @param sets one per declared set, in the registry's order
 * @param millis how long the maintenance took once connected: what keel up's job spends on it per run
 */
public record PartitionMaintenanceResult(String database, boolean dryRun, List<SetResult> sets, long millis) {

    /**
     * @param skipped why nothing was done to the set (another run holds it, its table is gone); null when it ran
     * @param steps what was done or, in a dry run, is planned
     */
    public record SetResult(String set, String skipped, List<Step> steps) {}

    /** One step by its kind (create, move, detach, finalize, drop), the partition, and what it does. */
    public record Step(String kind, String partition, String description) {}

    public int changes() {
        return sets.stream().mapToInt(s -> s.steps().size()).sum();
    }
}
