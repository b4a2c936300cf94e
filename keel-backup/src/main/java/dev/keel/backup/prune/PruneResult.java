package dev.keel.backup.prune;

/** What `keel backup prune` reports, as text or JSON. */
public record PruneResult(String repository, boolean dryRun, PrunePlan plan, long objectsRemoved, long storedBytesRemoved) {
}
