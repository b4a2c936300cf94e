package dev.keel.backup.prune;

import java.util.List;

/**
 * What a prune removes, worked out before anything is deleted, so that --dry-run shows exactly this.
 *
 * @param kept the complete backups that stay, oldest first
 * @param backups the complete backups that go
 * @param incomplete backups without a manifest that are older than the newest complete one
 * @param walKeptFrom the oldest kept backup's start segment: every WAL segment before it goes; null when no WAL goes
 * @param wal the WAL objects that go
 */
public record PrunePlan(List<String> kept, List<String> backups, List<String> incomplete, String walKeptFrom, List<String> wal) {
    public PrunePlan {
        kept = List.copyOf(kept);
        backups = List.copyOf(backups);
        incomplete = List.copyOf(incomplete);
        wal = List.copyOf(wal);
    }
}
