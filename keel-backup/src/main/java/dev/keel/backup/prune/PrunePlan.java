package dev.keel.backup.prune;

import java.util.List;

/**
 * What a prune removes, worked out before anything is deleted, so that --dry-run shows exactly this.
 *
 * @param kept the complete backups that stay, oldest first
 * @param backups the complete backups that go
 * @param incomplete backups without a manifest that no running backup holds: a failed or expired lease, or (from keel
 *     versions without leases) none and older than the newest complete backup
 * @param running backups that hold a live lease: never removed, nor anything they build on
 * @param walKeptFrom the oldest kept backup's start segment: every WAL segment before it goes; null when no WAL goes
 * @param wal the WAL objects that go
 */
public record PrunePlan(
        List<String> kept,
        List<String> backups,
        List<String> incomplete,
        List<String> running,
        String walKeptFrom,
        List<String> wal) {
    public PrunePlan {
        kept = List.copyOf(kept);
        backups = List.copyOf(backups);
        incomplete = List.copyOf(incomplete);
        running = List.copyOf(running);
        wal = List.copyOf(wal);
    }
}
