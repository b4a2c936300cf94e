package dev.keel.backup.prune;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.repo.ObjectInfo;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.verify.BackupStart;
import dev.keel.error.KeelException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Removes backups beyond the retention policy and the WAL that no kept backup needs. Recovery only
 * moves forward from a backup's start, so no kept backup needs a segment numbered below the oldest
 * kept backup's start segment, on any timeline. Timeline history files are always kept: they are tiny
 * and recovery reads them to follow a timeline switch.
 */
public final class Prune {
    private final BackupRepository repository;
    private final ObjectStore store;

    public Prune(BackupRepository repository) {
        this.repository = repository;
        this.store = repository.store();
    }

    public PrunePlan plan(RetentionPolicy policy, Instant now) {
        Catalog catalog = repository.catalog();
        List<CatalogBackup> all = catalog.backups();
        List<BackupManifest> complete = all.stream().filter(CatalogBackup::complete).map(b -> catalog.manifest(b.id()).orElseThrow()).toList();
        List<String> kept = policy.keep(complete, now);
        List<String> removed = complete.stream().map(BackupManifest::id).filter(id -> !kept.contains(id)).toList();
        String newestComplete = complete.isEmpty() ? null : complete.get(complete.size() - 1).id();
        // An incomplete backup newer than every complete one may still be running; only the older ones are surely dead.
        List<String> incomplete = all.stream().filter(b -> !b.complete() && newestComplete != null && b.id().compareTo(newestComplete) < 0)
                .map(CatalogBackup::id).toList();
        Optional<BackupStart> oldestStart = oldestKeptStart(complete, kept);
        List<String> wal = new ArrayList<>();
        oldestStart.ifPresent(start -> {
            for (WalSegment segment : catalog.wal()) {
                if (start.wal().number(segment.name()) < start.number()) {
                    wal.add(segment.object());
                }
            }
            for (ObjectInfo object : store.list(RepositoryLayout.WAL)) {
                String name = object.name().substring(object.name().lastIndexOf('/') + 1);
                // Backup history files (…00000028.backup) belong to their segment; they go with it.
                if (name.endsWith(".backup") && start.wal().number(name.substring(0, 24)) < start.number()) {
                    wal.add(object.name());
                }
            }
        });
        return new PrunePlan(kept, removed, incomplete, oldestStart.map(BackupStart::segment).orElse(null), wal);
    }

    private Optional<BackupStart> oldestKeptStart(List<BackupManifest> complete, List<String> kept) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<BackupStart> starts = new ArrayList<>();
        for (BackupManifest manifest : complete) {
            if (kept.contains(manifest.id())) {
                BackupStart start = BackupStart.of(repository, manifest).orElseThrow(() -> KeelException.failed(
                        "backup " + manifest.id() + " has no readable backup_label, so keel cannot tell which WAL it needs",
                        "run keel backup verify " + manifest.id() + "; prune removes nothing until every kept backup is readable"));
                starts.add(start);
            }
        }
        return starts.stream().min(Comparator.comparingLong(BackupStart::number));
    }

    /** Carries out a plan; {@code status} hears each backup as it goes. */
    public PruneResult execute(PrunePlan plan, boolean dryRun, Consumer<String> status) {
        long objects = 0;
        long bytes = 0;
        if (!dryRun) {
            List<String> backups = new ArrayList<>(plan.backups());
            backups.addAll(plan.incomplete());
            for (String id : backups) {
                status.accept("removing backup " + id);
                // The manifest goes first: a prune killed half way leaves an incomplete backup, never a complete-looking one with holes.
                String manifest = RepositoryLayout.manifest(id);
                for (ObjectInfo object : store.stat(manifest).stream().toList()) {
                    store.delete(object.name());
                    objects++;
                    bytes += object.size();
                }
                for (ObjectInfo object : store.list(RepositoryLayout.BACKUPS + id + "/")) {
                    store.delete(object.name());
                    objects++;
                    bytes += object.size();
                }
            }
            if (!plan.wal().isEmpty()) {
                status.accept("removing " + plan.wal().size() + " WAL files before " + plan.walKeptFrom());
            }
            for (String name : plan.wal()) {
                Optional<ObjectInfo> info = store.stat(name);
                store.delete(name);
                objects++;
                bytes += info.map(ObjectInfo::size).orElse(0L);
            }
        }
        return new PruneResult(store.describe(), dryRun, plan, objects, bytes);
    }
}
