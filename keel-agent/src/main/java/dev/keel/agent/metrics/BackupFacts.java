package dev.keel.agent.metrics;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.backup.catalog.WalSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the backup repository says, read in one pass: the newest complete backup of each type, when the newest WAL
 * arrived, and the last drill. Read from the repository alone, as {@code keel backup list} does, so it holds even when
 * the database is gone.
 *
 * @param readable whether the last read reached the repository; when false the other fields are the last ones read
 * @param lastSuccess stop time of the newest complete backup, by type
 * @param lastWal when the newest WAL segment (or partial segment) was stored; null when there is none
 * @param drill the newest drill; null when none is recorded
 */
record BackupFacts(
        boolean readable,
        Instant readAt,
        int complete,
        int incomplete,
        Map<BackupType, Instant> lastSuccess,
        Instant lastWal,
        DrillRecord drill) {
    /** A repository of daily incrementals holds a week between fulls; past this many manifests the walk stops. */
    static final int MAX_MANIFESTS = 64;

    BackupFacts {
        lastSuccess = Map.copyOf(lastSuccess);
    }

    static BackupFacts read(BackupRepository repository, Instant now) {
        Catalog catalog = repository.catalog();
        List<CatalogBackup> backups = catalog.backups();
        List<String> complete = backups.stream()
                .filter(CatalogBackup::complete)
                .map(CatalogBackup::id)
                .toList();
        Map<BackupType, Instant> last = new EnumMap<>(BackupType.class);
        // Newest first, until a full one: the newest incremental builds on it, so the walk is one chain long.
        for (int i = complete.size() - 1, read = 0; i >= 0 && read < MAX_MANIFESTS; i--, read++) {
            Optional<BackupManifest> manifest = catalog.manifest(complete.get(i));
            if (manifest.isEmpty()) {
                continue;
            }
            last.merge(manifest.get().type(), manifest.get().stopTime(), (a, b) -> a.isAfter(b) ? a : b);
            if (manifest.get().type() == BackupType.FULL) {
                break;
            }
        }
        List<String> drills = catalog.drills();
        DrillRecord drill = drills.isEmpty() ? null : repository.readDrill(drills.get(drills.size() - 1));
        return new BackupFacts(
                true, now, complete.size(), backups.size() - complete.size(), last, newestWal(repository), drill);
    }

    /** The segment with the highest timeline and name; its partial and complete object may both exist, the later counts. */
    private static Instant newestWal(BackupRepository repository) {
        List<WalSegment> wal = repository.catalog().wal();
        Optional<WalSegment> newest =
                wal.stream().max(Comparator.comparingInt(WalSegment::timeline).thenComparing(WalSegment::name));
        if (newest.isEmpty()) {
            return null;
        }
        return wal.stream()
                .filter(w -> w.timeline() == newest.get().timeline()
                        && w.name().equals(newest.get().name()))
                .map(w -> repository.store().storedAt(w.object()))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The same facts, marked as not refreshed: the repository could not be read at {@code now}. */
    BackupFacts unreadable(Instant now) {
        return new BackupFacts(false, now, complete, incomplete, lastSuccess, lastWal, drill);
    }

    static BackupFacts unreadableFirst(Instant now) {
        return new BackupFacts(false, now, 0, 0, Map.of(), null, null);
    }

    /** The newest point a restore could reach now: the end of the newest backup, or the newest WAL after it. */
    Optional<Instant> reach() {
        Optional<Instant> backup = lastSuccess.values().stream().max(Comparator.naturalOrder());
        if (backup.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lastWal != null && lastWal.isAfter(backup.get()) ? lastWal : backup.get());
    }

    /** How much work a restore now would lose; null when there is no complete backup (nothing can be restored). */
    Duration exposure(Instant now) {
        return reach().map(r -> Duration.between(r, now))
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElse(null);
    }
}
