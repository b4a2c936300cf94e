package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Picks the backup to restore: the one asked for, else the newest complete backup that ended before
 * the target, since recovery can only move forward from a backup's end.
 */
public final class BackupChoice {
    private BackupChoice() {}

    public static BackupManifest choose(Catalog catalog, String backupId, RecoveryTarget target, String repository) {
        if (backupId != null) {
            return catalog.manifest(backupId)
                    .orElseThrow(() -> new KeelException(
                            BackupError.BACKUP_NOT_FOUND,
                            "there is no complete backup " + backupId + " in " + repository,
                            "list the backups with keel backup list"));
        }
        List<String> ids = catalog.completeBackups();
        if (ids.isEmpty()) {
            throw new KeelException(
                    BackupError.NO_COMPLETE_BACKUP,
                    "there is no complete backup in " + repository,
                    "take one with keel backup");
        }
        Optional<Instant> time = target.kind() == RecoveryTarget.Kind.TIME ? instant(target.value()) : Optional.empty();
        for (int i = ids.size() - 1; i >= 0; i--) {
            BackupManifest manifest = catalog.manifest(ids.get(i)).orElseThrow();
            if (fits(manifest, target, time)) {
                return manifest;
            }
        }
        throw new KeelException(
                BackupError.TARGET_BEFORE_BACKUPS,
                "every backup in " + repository + " ended after the recovery target " + target,
                "choose a later target, or a backup with --backup");
    }

    private static boolean fits(BackupManifest manifest, RecoveryTarget target, Optional<Instant> time) {
        if (time.isPresent()) {
            return !manifest.stopTime().isAfter(time.get());
        }
        if (target.kind() == RecoveryTarget.Kind.LSN) {
            return compareLsn(manifest.stopLsn(), target.value()) <= 0;
        }
        return true;
    }

    static int compareLsn(String a, String b) {
        return Long.compareUnsigned(WalPosition.lsn(a), WalPosition.lsn(b));
    }

    /** A timestamp with an offset ("2026-01-24 10:15:00+00"); without one the server's time zone decides, which keel does not know. */
    static Optional<Instant> instant(String text) {
        String iso = text.strip().replace(' ', 'T');
        if (iso.matches(".*[+-]\\d{2}$")) {
            iso = iso + ":00";
        }
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
