package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupLease;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.error.KeelException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backup ids are their UTC start time, so they sort by age; a taken id gets a suffix (-2, -3 …,
 * ordered as numbers by BackupIdOrder). An id is taken by creating the backup's lease only if
 * absent, which the store does atomically: of two backups started in the same second, on one
 * machine or two, each gets an id of its own.
 */
public final class BackupIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MOST_IN_ONE_SECOND = 1000;

    private BackupIds() {}

    /** Reserves the first free id for {@code now} by creating its lease; returns the lease as written. */
    public static BackupLease reserve(BackupRepository repository, Instant now, Function<String, BackupLease> lease) {
        Set<String> taken =
                repository.catalog().backups().stream().map(CatalogBackup::id).collect(Collectors.toSet());
        String base = FORMAT.format(now);
        for (int n = 1; n <= MOST_IN_ONE_SECOND; n++) {
            String id = n == 1 ? base : base + "-" + n;
            if (taken.contains(id)) {
                continue;
            }
            BackupLease candidate = lease.apply(id);
            String name = RepositoryLayout.lease(id);
            if (repository.store().createIfAbsent(name, candidate.json())) {
                refuseUnconditionalStore(repository, name, candidate);
                return candidate;
            }
        }
        throw new KeelException(
                BackupError.BACKUP_ID_TAKEN,
                "more than " + MOST_IN_ONE_SECOND + " backups claim ids of " + base + " in "
                        + repository.store().describe(),
                "run the backup again in a moment");
    }

    /**
     * Creating the name again, with other content, must fail now. A store that accepts it ignores the
     * condition (an S3 server without If-None-Match), and two backups could then share one id without
     * either noticing. The content differs because a store counts a create whose content is already
     * there as its own retried create.
     */
    private static void refuseUnconditionalStore(BackupRepository repository, String name, BackupLease lease) {
        byte[] probe = lease.failed().json();
        if (repository.store().createIfAbsent(name, probe)) {
            repository.store().delete(name);
            throw new KeelException(
                    BackupError.S3_UNSUPPORTED,
                    repository.store().describe()
                            + " ignores conditional writes (If-None-Match), so keel cannot reserve a backup id"
                            + " without a race",
                    "use an S3 service or server version that supports conditional writes (AWS S3, MinIO, s3proxy 2.4 or later)");
        }
    }
}
