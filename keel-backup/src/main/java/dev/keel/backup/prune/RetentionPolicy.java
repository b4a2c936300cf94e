package dev.keel.backup.prune;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which complete backups to keep: the newest {@code keepFull} full backups with every incremental
 * backup built on them (a chain counts as one full backup, as with pgBackRest's repo-retention-full),
 * and every backup that ended within {@code keepDays}; a backup either rule keeps is kept. The newest
 * complete backup is always kept, so no policy can leave a repository with nothing to restore. A kept
 * incremental backup keeps every backup it builds on: its files live partly in theirs.
 *
 * @param keepFull null when the count rule is not set
 * @param keepDays null when the age rule is not set
 */
public record RetentionPolicy(Integer keepFull, Integer keepDays) {

    public RetentionPolicy {
        if (keepFull == null && keepDays == null) {
            throw new KeelException(
                    BackupError.RETENTION_NOT_SET,
                    "no retention policy is set, so keel cannot tell which backups to remove",
                    "pass --keep-full N or --keep-days D, or set backup.retention.full or backup.retention.days in keel.yaml");
        }
        if (keepFull != null && keepFull < 1 || keepDays != null && keepDays < 0) {
            throw new KeelException(
                    BackupError.OPTION_INVALID,
                    "--keep-full must be 1 or more and --keep-days 0 or more",
                    "check the retention settings");
        }
    }

    /** @param complete the complete backups, oldest first; returns the ids to keep, oldest first */
    public List<String> keep(List<BackupManifest> complete, Instant now) {
        Map<String, BackupManifest> byId = new HashMap<>();
        complete.forEach(b -> byId.put(b.id(), b));
        Set<String> keep = new LinkedHashSet<>();
        if (!complete.isEmpty()) {
            keep.add(complete.get(complete.size() - 1).id());
        }
        Set<String> keptFulls = new HashSet<>();
        for (int i = complete.size() - 1; i >= 0; i--) {
            BackupManifest backup = complete.get(i);
            if (keepFull != null && backup.type() == BackupType.FULL && keptFulls.size() < keepFull) {
                keptFulls.add(backup.id());
            }
            if (keepDays != null && !backup.stopTime().isBefore(now.minus(Duration.ofDays(keepDays)))) {
                keep.add(backup.id());
            }
        }
        for (BackupManifest backup : complete) {
            if (keptFulls.contains(chain(backup, byId).get(0))) {
                keep.add(backup.id());
            }
        }
        for (String id : List.copyOf(keep)) {
            keep.addAll(chain(byId.get(id), byId));
        }
        List<String> ordered = new ArrayList<>();
        complete.forEach(b -> {
            if (keep.contains(b.id())) {
                ordered.add(b.id());
            }
        });
        return ordered;
    }

    /** The backup and its ancestors among the complete backups, the oldest (the chain's full backup) first. */
    static List<String> chain(BackupManifest backup, Map<String, BackupManifest> byId) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BackupManifest at = backup;
                at != null && seen.add(at.id());
                at = at.parent() == null ? null : byId.get(at.parent())) {
            chain.add(0, at.id());
        }
        return chain;
    }
}
