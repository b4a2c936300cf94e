package dev.keel.backup.catalog;

import dev.keel.backup.repo.ObjectInfo;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.error.KeelException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a repository holds, read from the repository alone: the database it protects may be gone.
 * A backup counts as complete only when its manifest is present, because the manifest is written last.
 */
public final class Catalog {
    private final BackupRepository repository;
    private final ObjectStore store;

    Catalog(BackupRepository repository) {
        this.repository = repository;
        this.store = repository.store();
    }

    /** Every backup id with objects in the repository, oldest id first (see {@link BackupIdOrder}), marked complete or not. */
    public List<CatalogBackup> backups() {
        List<CatalogBackup> backups = new ArrayList<>();
        for (String id : store.children(RepositoryLayout.BACKUPS)) {
            if (RepositoryLayout.isValidId(id)) {
                backups.add(new CatalogBackup(id, store.exists(RepositoryLayout.manifest(id))));
            }
        }
        backups.sort(Comparator.comparing(CatalogBackup::id, BackupIdOrder.OLDEST_FIRST));
        return backups;
    }

    /** The leases of the backups without a manifest, by id: those still running or left by killed ones. */
    public Map<String, BackupLease> leases() {
        Map<String, BackupLease> leases = new LinkedHashMap<>();
        for (CatalogBackup backup : backups()) {
            if (!backup.complete()) {
                lease(backup.id()).ifPresent(lease -> leases.put(backup.id(), lease));
            }
        }
        return leases;
    }

    public Optional<BackupLease> lease(String backupId) {
        String name = RepositoryLayout.lease(backupId);
        Optional<ObjectInfo> info = store.stat(name);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        byte[] json;
        try {
            json = store.read(name);
        } catch (KeelException e) {
            // removed between the two calls: the backup finished or was removed
            return Optional.empty();
        }
        return Optional.of(
                BackupLease.parse(backupId, json, store.storedAt(name).orElse(Instant.EPOCH)));
    }

    public List<String> completeBackups() {
        return backups().stream()
                .filter(CatalogBackup::complete)
                .map(CatalogBackup::id)
                .toList();
    }

    public Optional<BackupManifest> manifest(String backupId) {
        return repository.readManifest(backupId);
    }

    /** Every WAL segment, by timeline and then name; a name can appear both complete and partial. */
    public List<WalSegment> wal() {
        List<WalSegment> segments = new ArrayList<>();
        for (String timelineHex : store.children(RepositoryLayout.WAL)) {
            if (!timelineHex.matches("[0-9A-F]{8}")) {
                continue;
            }
            int timeline = Integer.parseUnsignedInt(timelineHex, 16);
            for (ObjectInfo object : store.list(RepositoryLayout.WAL + timelineHex + "/")) {
                String file = object.name().substring(object.name().lastIndexOf('/') + 1);
                boolean partial = file.endsWith(RepositoryLayout.PARTIAL_SUFFIX);
                String segment =
                        partial ? file.substring(0, file.length() - RepositoryLayout.PARTIAL_SUFFIX.length()) : file;
                if (RepositoryLayout.isSegmentName(segment)) {
                    segments.add(new WalSegment(timeline, segment, partial, object.name(), object.size()));
                }
            }
        }
        return segments;
    }

    /** Names of the timeline history files (00000002.history …), sorted. */
    public List<String> timelineHistories() {
        List<String> names = new ArrayList<>();
        for (String timelineHex : store.children(RepositoryLayout.WAL)) {
            String name = timelineHex + ".history";
            if (timelineHex.matches("[0-9A-F]{8}") && store.exists(RepositoryLayout.WAL + timelineHex + "/" + name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Ids of the recorded restore drills, oldest first (see {@link BackupIdOrder}). */
    public List<String> drills() {
        List<String> ids = new ArrayList<>();
        for (ObjectInfo object : store.list(RepositoryLayout.DRILLS)) {
            String file = object.name().substring(RepositoryLayout.DRILLS.length());
            if (file.endsWith(".json") && !file.contains("/")) {
                ids.add(file.substring(0, file.length() - ".json".length()));
            }
        }
        ids.sort(BackupIdOrder.OLDEST_FIRST);
        return ids;
    }
}
