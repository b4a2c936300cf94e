package dev.keel.agent.dashboard;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.backup.catalog.WalSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the backups page shows, read from the repository's catalog in one pass: a handful of listings and two
 * timestamps, however many WAL segments it holds; manifests of the (few, pruned) backups and the newest drills only.
 *
 * @param repository the repository, described without secrets
 * @param backups complete backups, oldest first
 * @param incomplete ids of backups killed or failed before their manifest
 * @param walSegments how many WAL segments (complete or partial) the repository holds
 * @param walFirst when the oldest segment was stored; null without WAL or when the store cannot say
 * @param walLast when the newest segment was stored; null as for {@code walFirst}
 * @param newestWal the newest segment's name; null without WAL
 * @param reach the newest point a restore can reach: the newest backup's end or the newest WAL after it
 * @param drills the newest drills, newest first
 */
public record BackupState(
        String repository,
        List<BackupManifest> backups,
        List<String> incomplete,
        int walSegments,
        Instant walFirst,
        Instant walLast,
        String newestWal,
        Instant reach,
        List<DrillRecord> drills) {
    static final int DRILLS_SHOWN = 10;

    public static BackupState read(BackupRepository repo) {
        Catalog catalog = repo.catalog();
        List<BackupManifest> backups = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (CatalogBackup backup : catalog.backups()) {
            Optional<BackupManifest> manifest = backup.complete() ? catalog.manifest(backup.id()) : Optional.empty();
            manifest.ifPresentOrElse(backups::add, () -> incomplete.add(backup.id()));
        }
        backups.sort(Comparator.comparing(BackupManifest::startTime));
        List<WalSegment> wal = catalog.wal();
        Optional<WalSegment> first = wal.stream().min(order());
        Optional<WalSegment> last = wal.stream().max(order());
        Instant walFirst = first.flatMap(w -> repo.store().storedAt(w.object())).orElse(null);
        Instant walLast = last.flatMap(w -> repo.store().storedAt(w.object())).orElse(null);
        Instant newestBackupEnd = backups.stream()
                .map(BackupManifest::stopTime)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Instant reach = newestBackupEnd;
        if (reach != null && walLast != null && walLast.isAfter(reach)) {
            reach = walLast;
        }
        List<String> drillIds = catalog.drills();
        List<DrillRecord> drills = new ArrayList<>();
        for (int i = drillIds.size() - 1; i >= 0 && drills.size() < DRILLS_SHOWN; i--) {
            drills.add(repo.readDrill(drillIds.get(i)));
        }
        drills.sort(Comparator.comparing(DrillRecord::finished).reversed());
        return new BackupState(
                repo.store().describe(),
                backups,
                incomplete,
                wal.size(),
                walFirst,
                walLast,
                last.map(w -> w.name() + (w.partial() ? ".partial" : "")).orElse(null),
                reach,
                drills);
    }

    private static Comparator<WalSegment> order() {
        return Comparator.comparingInt(WalSegment::timeline)
                .thenComparing(WalSegment::name)
                .thenComparing(w -> !w.partial());
    }

    /** How much work a restore now would lose; null when nothing can be restored. */
    public Duration exposure(Instant now) {
        return reach == null ? null : Duration.between(reach, now);
    }

    /** The newest drill's measured restore time; null without one or when it was not measured. */
    public Duration lastRto() {
        return drills.isEmpty() ? null : millis(drills.get(0).results().get("rtoMillis"));
    }

    /** The newest drill's measured loss of recent work; null as for {@link #lastRto()}. */
    public Duration lastRpo() {
        return drills.isEmpty() ? null : millis(drills.get(0).results().get("rpoMillis"));
    }

    static Duration millis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
