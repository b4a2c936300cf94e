package dev.keel.backup.base;

import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The end every backup shares, whichever way its files arrived (a local copy, an incremental copy or
 * BASE_BACKUP): the row counts, the manifest built from them, and the result reported from the manifest.
 */
public final class BackupManifests {
    private BackupManifests() {}

    /** A full backup's manifest; the row counts are taken now, right after the backup stopped, so they describe its end. */
    public static BackupManifest assemble(
            String id,
            ServerFacts facts,
            int timeline,
            String startLsn,
            String stopLsn,
            Instant startTime,
            Instant stopTime,
            List<BackupFile> files,
            List<String> directories,
            DatabaseOpener opener) {
        return assemble(
                id,
                BackupType.FULL,
                null,
                facts,
                timeline,
                startLsn,
                stopLsn,
                startTime,
                stopTime,
                files,
                directories,
                opener);
    }

    /** @param parent the backup an incremental one builds on; null for a full backup */
    public static BackupManifest assemble(
            String id,
            BackupType type,
            String parent,
            ServerFacts facts,
            int timeline,
            String startLsn,
            String stopLsn,
            Instant startTime,
            Instant stopTime,
            List<BackupFile> files,
            List<String> directories,
            DatabaseOpener opener) {
        return assemble(
                id,
                type,
                parent,
                facts,
                timeline,
                startLsn,
                stopLsn,
                startTime,
                stopTime,
                files,
                directories,
                TableRowCounts.count(opener));
    }

    /** @param rowCounts counted right after the backup stopped, so they describe its end */
    public static BackupManifest assemble(
            String id,
            BackupType type,
            String parent,
            ServerFacts facts,
            int timeline,
            String startLsn,
            String stopLsn,
            Instant startTime,
            Instant stopTime,
            List<BackupFile> files,
            List<String> directories,
            Map<String, Long> rowCounts) {
        return new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                id,
                type,
                parent,
                timeline,
                startLsn,
                stopLsn,
                startTime,
                stopTime,
                facts.version(),
                facts.systemIdentifier(),
                files,
                rowCounts,
                directories);
    }

    /** @param beganNanos System.nanoTime() when the backup began */
    public static BackupResult result(BackupManifest manifest, String repository, int walSegments, long beganNanos) {
        return result(manifest, repository, walSegments, beganNanos, "full");
    }

    /** @param method "full", or for an incremental backup "block" or "file" */
    public static BackupResult result(
            BackupManifest manifest, String repository, int walSegments, long beganNanos, String method) {
        return new BackupResult(
                manifest.id(),
                manifest.type(),
                repository,
                manifest.timeline(),
                manifest.startLsn(),
                manifest.stopLsn(),
                manifest.startTime(),
                manifest.stopTime(),
                manifest.postgresVersion(),
                manifest.files().size(),
                manifest.totalSize(),
                manifest.ownStoredSize(),
                walSegments,
                manifest.tableRowCounts().size(),
                (System.nanoTime() - beganNanos) / 1_000_000,
                manifest.parent(),
                method);
    }
}
