package dev.keel.backup.prune;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which complete backups to keep: the newest {@code keepFull} full backups and every backup that
 * ended within {@code keepDays}; a backup either rule keeps is kept. The newest complete backup is
 * always kept, so no policy can leave a repository with nothing to restore.
 *
 * @param keepFull null when the count rule is not set
 * @param keepDays null when the age rule is not set
 */
public record RetentionPolicy(Integer keepFull, Integer keepDays) {

    public RetentionPolicy {
        if (keepFull == null && keepDays == null) {
            throw KeelException.usage("no retention policy is set, so keel cannot tell which backups to remove",
                    "pass --keep-full N or --keep-days D, or set backup.retention.full or backup.retention.days in keel.yaml");
        }
        if (keepFull != null && keepFull < 1 || keepDays != null && keepDays < 0) {
            throw KeelException.usage("--keep-full must be 1 or more and --keep-days 0 or more", "check the retention settings");
        }
    }

    /** @param complete the complete backups, oldest first; returns the ids to keep, oldest first */
    public List<String> keep(List<BackupManifest> complete, Instant now) {
        Set<String> keep = new LinkedHashSet<>();
        if (!complete.isEmpty()) {
            keep.add(complete.get(complete.size() - 1).id());
        }
        int fulls = 0;
        for (int i = complete.size() - 1; i >= 0; i--) {
            BackupManifest backup = complete.get(i);
            if (keepFull != null && backup.type() == BackupType.FULL && fulls < keepFull) {
                keep.add(backup.id());
                fulls++;
            }
            if (keepDays != null && !backup.stopTime().isBefore(now.minus(Duration.ofDays(keepDays)))) {
                keep.add(backup.id());
            }
        }
        List<String> ordered = new ArrayList<>();
        complete.forEach(b -> {
            if (keep.contains(b.id())) {
                ordered.add(b.id());
            }
        });
        return ordered;
    }
}
