package dev.keel.backup.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything known about one base backup; its presence is what makes the backup complete.
 *
 * @param parent the backup an incremental one builds on; null for a full backup
 * @param startLsn and stopLsn in PostgreSQL's text form (16/B374D848)
 * @param systemIdentifier the cluster's system identifier as text: it is an unsigned 64-bit number
 * @param tableRowCounts row counts by qualified table name, taken at backup time for restore drills to compare
 * @param directories every directory of the data directory, '/'-separated, so restore recreates the empty ones
 *     (pg_wal, pg_stat, pg_replslot …) that PostgreSQL needs to start
 */
public record BackupManifest(
        int formatVersion,
        String id,
        BackupType type,
        String parent,
        int timeline,
        String startLsn,
        String stopLsn,
        Instant startTime,
        Instant stopTime,
        String postgresVersion,
        String systemIdentifier,
        List<BackupFile> files,
        Map<String, Long> tableRowCounts,
        List<String> directories) {
    /** 2: files may live in bundle objects (BackupFile.offset); version 1 manifests, without bundles, read as before. */
    public static final int FORMAT_VERSION = 2;

    @JsonCreator
    public BackupManifest {
        files = List.copyOf(files);
        tableRowCounts = tableRowCounts == null ? Map.of() : Map.copyOf(tableRowCounts);
        directories = directories == null ? List.of() : List.copyOf(directories);
    }

    public BackupManifest(
            int formatVersion,
            String id,
            BackupType type,
            String parent,
            int timeline,
            String startLsn,
            String stopLsn,
            Instant startTime,
            Instant stopTime,
            String postgresVersion,
            String systemIdentifier,
            List<BackupFile> files,
            Map<String, Long> tableRowCounts) {
        this(
                formatVersion,
                id,
                type,
                parent,
                timeline,
                startLsn,
                stopLsn,
                startTime,
                stopTime,
                postgresVersion,
                systemIdentifier,
                files,
                tableRowCounts,
                List.of());
    }

    /** The major version, from the server version text ("17.2", "15.10 (Debian …)"). */
    public int postgresMajorVersion() {
        Matcher m = Pattern.compile("^(\\d+)").matcher(postgresVersion == null ? "" : postgresVersion);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public long totalSize() {
        return files.stream().mapToLong(BackupFile::size).sum();
    }

    public long totalStoredSize() {
        return files.stream().mapToLong(BackupFile::storedSize).sum();
    }

    /** Stored bytes of the objects this backup wrote itself; an incremental borrows the rest from its ancestors. */
    public long ownStoredSize() {
        String own = RepositoryLayout.backupPrefix(id);
        return files.stream()
                .filter(f -> f.object().startsWith(own))
                .mapToLong(BackupFile::storedSize)
                .sum();
    }
}
