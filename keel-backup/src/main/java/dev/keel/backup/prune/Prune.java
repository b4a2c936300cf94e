package dev.keel.backup.prune;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupIdOrder;
import dev.keel.backup.catalog.BackupLease;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Removes backups beyond the retention policy and the WAL that no kept backup needs. Recovery only
 * moves forward from a backup's start, so no kept backup needs a segment numbered below the oldest
 * kept backup's start segment, on any timeline. Timeline history files are always kept: they are tiny
 * and recovery reads them to follow a timeline switch.
 * <p>
 * A running backup holds a lease (see RunningBackup): prune never removes it, nor any backup it builds
 * on. A backup can start, choose its parent or complete while prune runs, so each backup goes in two
 * steps: its manifest first, then, after looking again for a lease or a complete backup that builds on
 * it, its files; one that is needed after all gets its manifest back. Incrementals go before what they
 * build on, so a prune cut short never leaves one whose parent is gone.
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
        Map<String, BackupLease> leases = catalog.leases();
        List<String> running = leases.values().stream()
                .filter(l -> l.live(now))
                .map(BackupLease::backupId)
                .toList();
        List<BackupManifest> complete = all.stream()
                .filter(CatalogBackup::complete)
                .map(b -> catalog.manifest(b.id()).orElseThrow())
                .toList();
        Map<String, BackupManifest> byId = new HashMap<>();
        complete.forEach(m -> byId.put(m.id(), m));
        Set<String> needed = new HashSet<>(policy.keep(complete, now));
        for (String id : running) {
            needed.addAll(ancestors(leases.get(id).parent(), byId::get));
        }
        List<String> kept = complete.stream()
                .map(BackupManifest::id)
                .filter(needed::contains)
                .toList();
        List<String> removed = complete.stream()
                .map(BackupManifest::id)
                .filter(id -> !needed.contains(id))
                .toList();
        String newestComplete =
                complete.isEmpty() ? null : complete.get(complete.size() - 1).id();
        List<String> incomplete = all.stream()
                .filter(b -> !b.complete() && !running.contains(b.id()))
                // Without a lease (a keel from before leases) one newer than every complete backup may still be
                // running.
                .filter(b -> leases.containsKey(b.id())
                        || newestComplete != null && BackupIdOrder.OLDEST_FIRST.compare(b.id(), newestComplete) < 0)
                .map(CatalogBackup::id)
                .toList();
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
        return new PrunePlan(
                kept,
                removed,
                incomplete,
                running,
                oldestStart.map(BackupStart::segment).orElse(null),
                wal);
    }

    private Optional<BackupStart> oldestKeptStart(List<BackupManifest> complete, List<String> kept) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<BackupStart> starts = new ArrayList<>();
        for (BackupManifest manifest : complete) {
            if (kept.contains(manifest.id())) {
                BackupStart start = BackupStart.of(repository, manifest)
                        .orElseThrow(() -> new KeelException(
                                BackupError.BACKUP_UNREADABLE,
                                "backup " + manifest.id()
                                        + " has no readable backup_label, so keel cannot tell which WAL it needs",
                                "run keel backup verify " + manifest.id()
                                        + "; prune removes nothing until every kept backup is readable"));
                starts.add(start);
            }
        }
        return starts.stream().min(Comparator.comparingLong(BackupStart::number));
    }

    /** Carries out a plan; {@code status} hears each backup as it goes. */
    public PruneResult execute(PrunePlan plan, boolean dryRun, Consumer<String> status) {
        if (dryRun) {
            return new PruneResult(store.describe(), true, plan, List.of(), 0, 0);
        }
        Removal removal = new Removal();
        List<String> spared = new ArrayList<>();
        List<String> newestFirst = new ArrayList<>(plan.backups());
        newestFirst.sort(BackupIdOrder.OLDEST_FIRST.reversed());
        for (String id : newestFirst) {
            String manifest = RepositoryLayout.manifest(id);
            Optional<ObjectInfo> info = store.stat(manifest);
            byte[] kept = info.isPresent() ? store.read(manifest) : null;
            // The manifest goes first: a prune killed half way leaves an incomplete backup, never a complete-looking
            // one with holes.
            info.ifPresent(removal::delete);
            Optional<String> needer = neededBy(id);
            if (needer.isPresent()) {
                if (kept != null) {
                    store.put(manifest, kept);
                    removal.undo(info.get());
                }
                spared.add(id);
                status.accept("kept backup " + id + ": backup " + needer.get() + " builds on it");
                continue;
            }
            status.accept("removing backup " + id);
            store.list(RepositoryLayout.backupPrefix(id)).forEach(removal::delete);
        }
        for (String id : plan.incomplete()) {
            if (repository
                    .catalog()
                    .lease(id)
                    .filter(lease -> lease.live(Instant.now()))
                    .isPresent()) {
                spared.add(id);
                status.accept("kept incomplete backup " + id + ": it is running (its lease was renewed)");
                continue;
            }
            status.accept("removing incomplete backup " + id);
            store.list(RepositoryLayout.backupPrefix(id)).forEach(removal::delete);
        }
        if (spared.stream().anyMatch(plan.backups()::contains)) {
            // The WAL cut was worked out without the backups spared since: it may be WAL they need.
            status.accept(
                    "kept the WAL this time: a backup the plan removed stays; the next prune removes what no kept backup needs");
        } else {
            if (!plan.wal().isEmpty()) {
                status.accept("removing " + plan.wal().size() + " WAL files before " + plan.walKeptFrom());
            }
            for (String name : plan.wal()) {
                store.stat(name).ifPresent(removal::delete);
            }
        }
        return new PruneResult(store.describe(), false, plan, spared, removal.objects, removal.bytes);
    }

    /** A complete backup built directly on {@code id}, or a running one whose chain reaches it: looked up afresh each time. */
    private Optional<String> neededBy(String id) {
        Catalog catalog = repository.catalog();
        Map<String, BackupManifest> manifests = new HashMap<>();
        for (String other : catalog.completeBackups()) {
            BackupManifest manifest = catalog.manifest(other).orElseThrow();
            manifests.put(other, manifest);
            if (id.equals(manifest.parent())) {
                return Optional.of(other);
            }
        }
        Instant now = Instant.now();
        for (BackupLease lease : catalog.leases().values()) {
            // The backup being removed has no manifest at this point: the walk reaches it, or stops short of it.
            if (lease.live(now)
                    && (id.equals(lease.parent())
                            || ancestors(lease.parent(), manifests::get).contains(id))) {
                return Optional.of(lease.backupId());
            }
        }
        return Optional.empty();
    }

    /** {@code first} and every backup it builds on, as far as the manifests go. */
    private static List<String> ancestors(String first, Function<String, BackupManifest> manifests) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = first; at != null && seen.add(at); ) {
            chain.add(at);
            BackupManifest manifest = manifests.apply(at);
            at = manifest == null ? null : manifest.parent();
        }
        return chain;
    }

    /** Counts what goes. */
    private final class Removal {
        long objects;
        long bytes;

        void delete(ObjectInfo object) {
            store.delete(object.name());
            objects++;
            bytes += object.size();
        }

        void undo(ObjectInfo object) {
            objects--;
            bytes -= object.size();
        }
    }
}
