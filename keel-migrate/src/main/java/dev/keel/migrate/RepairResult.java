package dev.keel.migrate;

import java.util.List;

/** What {@code repair} changed in the history. */
public record RepairResult(
        String database, List<String> removedFailed, List<String> realignedChecksums, List<String> removedMissing) {

    public RepairResult {
        removedFailed = List.copyOf(removedFailed);
        realignedChecksums = List.copyOf(realignedChecksums);
        removedMissing = List.copyOf(removedMissing);
    }

    public boolean changedNothing() {
        return removedFailed.isEmpty() && realignedChecksums.isEmpty() && removedMissing.isEmpty();
    }
}
