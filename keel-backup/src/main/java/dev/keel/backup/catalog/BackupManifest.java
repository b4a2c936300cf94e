package dev.keel.backup.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one base backup; its presence is what makes the backup complete.
 *
 * @param parent the backup an incremental one builds on; null for a full backup
 * @param startLsn and stopLsn in PostgreSQL's text form (16/B374D848)
 * @param systemIdentifier the cluster's system identifier as text: it is an unsigned 64-bit number
 * @param tableRowCounts row counts by qualified table name, taken at backup time for restore drills to compare
 */
public record BackupManifest(int formatVersion, String id, BackupType type, String parent, int timeline, String startLsn, String stopLsn,
                             Instant startTime, Instant stopTime, String postgresVersion, String systemIdentifier,
                             List<BackupFile> files, Map<String, Long> tableRowCounts) {
    public static final int FORMAT_VERSION = 1;

    public BackupManifest {
        files = List.copyOf(files);
        tableRowCounts = tableRowCounts == null ? Map.of() : Map.copyOf(tableRowCounts);
    }

    public long totalSize() {
        return files.stream().mapToLong(BackupFile::size).sum();
    }

    public long totalStoredSize() {
        return files.stream().mapToLong(BackupFile::storedSize).sum();
    }
}
