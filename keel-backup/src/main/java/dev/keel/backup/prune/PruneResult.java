package dev.keel.backup.prune;

import java.util.List;

/**
 * What `keel backup prune` reports, as text or JSON.
 *
 * @param spared backups the plan named that stayed after all: a backup that started or completed meanwhile builds on them
 */
public record PruneResult(
        String repository,
        boolean dryRun,
        PrunePlan plan,
        List<String> spared,
        long objectsRemoved,
        long storedBytesRemoved) {
    public PruneResult {
        spared = List.copyOf(spared);
    }
}
