package dev.keel.partition;

import java.util.List;

/** What maintenance does to one set, in order; empty when the set is as it should be. */
public record PartitionPlan(PartitionSet set, List<PartitionStep> steps) {

    public boolean empty() {
        return steps.isEmpty();
    }
}
