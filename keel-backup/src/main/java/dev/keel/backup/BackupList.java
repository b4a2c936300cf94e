package dev.keel.backup;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import java.time.Instant;
import java.util.List;

/**
 * What {@code keel backup list} reports: the repository's backups, oldest first.
 *
 * @param repository the repository, described without secrets
 */
public record BackupList(String repository, List<Entry> backups) {
    public BackupList {
        backups = List.copyOf(backups);
    }

    /**
     * One backup. An incomplete one (killed or failed before its manifest) has only {@code id} and {@code complete};
     * nothing restores from it.
     */
    public record Entry(
            String id,
            boolean complete,
            BackupType type,
            String parent,
            Instant startTime,
            Instant stopTime,
            String startLsn,
            String stopLsn,
            Integer timeline,
            String postgresVersion,
            Integer files,
            Long bytes,
            Long storedBytes) {

        static Entry incomplete(String id) {
            return new Entry(id, false, null, null, null, null, null, null, null, null, null, null, null);
        }

        static Entry of(BackupManifest m) {
            return new Entry(
                    m.id(),
                    true,
                    m.type(),
                    m.parent(),
                    m.startTime(),
                    m.stopTime(),
                    m.startLsn(),
                    m.stopLsn(),
                    m.timeline(),
                    m.postgresVersion(),
                    m.files().size(),
                    m.totalSize(),
                    m.ownStoredSize());
        }
    }
}
