package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Restore and point-in-time recovery: fetch a base backup (checked file by file), let PostgreSQL of
 * the same major version replay WAL from the repository to the target, promote, report where it
 * stopped. A restore never reports less than it was asked for as success: a gap in the WAL before
 * the target stops it (unless the caller accepts stopping at the gap), and so does recovery to the
 * latest point that ends before the newest WAL in the repository. Whatever fails after the target
 * directory was prepared leaves it empty.
 */
public final class Restore {
    private final BackupRepository repository;

    public Restore(BackupRepository repository) {
        this.repository = repository;
    }

    public RestoreResult run(RestoreOptions options) {
        long began = System.nanoTime();
        BackupManifest manifest = BackupChoice.choose(
                repository.catalog(),
                options.backupId(),
                options.target(),
                repository.store().describe());
        PostgresBinaries binaries = ServerBinaries.forMajor(manifest.postgresMajorVersion(), options.binDir());
        WalReach reach = WalReach.of(repository, manifest);
        Optional<String> ownMissing = reach.missingOwnWal();
        if (ownMissing.isPresent()) {
            throw reach.ownWalMissing(ownMissing.get());
        }
        RecoveryTarget target = options.target();
        Optional<String> gap = reach.firstGap();
        boolean stopAtGap = gap.isPresent() && blocks(reach, target, gap.get());
        if (stopAtGap) {
            if (!options.acceptGap()) {
                throw reach.gapBlocks(gap.get(), target.toString());
            }
            options.status()
                    .accept("WAL segment " + gap.get() + " is missing: recovering up to it, as --accept-gap allows");
            target = RecoveryTarget.parse("latest");
        }
        Path dataDir = options.targetDir().toAbsolutePath().normalize();
        TargetDirectory.prepare(dataDir, options.overwrite());
        Path wal = null;
        RecoveredServer server = null;
        try {
            new BackupFetch(repository).into(dataDir, manifest, options.parallel(), options.progress());
            wal = WalPrefetch.into(repository, manifest, dataDir);
            long fetchMillis = (System.nanoTime() - began) / 1_000_000;
            RecoveryConfig.write(dataDir, manifest.id(), WalPrefetch.copyCommand(wal), target);
            options.status().accept("recovering with PostgreSQL " + binaries.version() + " to " + target);
            RecoveredPosition position;
            try {
                server = RecoveredServer.start(binaries, dataDir, options.superuser());
                position = server.awaitPromotion(options.status());
            } catch (KeelException e) {
                if (gap.isEmpty() || !endedBeforeTarget(e, target)) {
                    throw e;
                }
                if (!options.acceptGap()) {
                    throw namedAfterGap(e, reach, target, gap.get());
                }
                // The moment or restore point lay beyond the gap: what can be had is everything up to the gap.
                options.status()
                        .accept("recovery to " + target + " ended at the gap at WAL segment " + gap.get()
                                + ": recovering up to the gap, as --accept-gap allows");
                stopAtGap = true;
                RecoveryConfig.replaceTarget(dataDir, RecoveryTarget.parse("latest"));
                server = RecoveredServer.start(binaries, dataDir, options.superuser());
                position = server.awaitPromotion(options.status());
            }
            if (stopAtGap) {
                position = position.withGap(new WalGap(
                        reach.gaps(),
                        options.target().toString(),
                        position.lastTransactionTime(),
                        position.lsn(),
                        reach.endLsn(),
                        reach.newestStoredAt(repository).orElse(null)));
                options.status().accept(position.gap().describe());
            } else if (target.kind() == RecoveryTarget.Kind.LATEST && !reach.reachedEnd(position.lsn())) {
                throw new KeelException(
                        BackupError.RECOVERY_FAILED,
                        "recovery from backup " + manifest.id() + " stopped at LSN " + position.lsn()
                                + ", short of the newest WAL in "
                                + repository.store().describe() + " (segment "
                                + reach.chain().last() + "): WAL after that point could not be replayed",
                        "run keel backup verify to find the damaged segment; nothing was left in " + dataDir);
            }
            // Recovery is over: leave the command that fetches from the repository, for whoever recovers this cluster
            // next.
            RecoveryConfig.replaceRestoreCommand(dataDir, options.restoreCommand());
            if (!options.keepRunning()) {
                server.stop();
            }
            return new RestoreResult(
                    manifest.id(),
                    manifest.stopTime(),
                    options.target().toString(),
                    dataDir.toString(),
                    binaries.binDir().toString(),
                    position.lsn(),
                    position.lastTransactionTime(),
                    position.timeline(),
                    position.postgresVersion(),
                    manifest.totalSize(),
                    options.keepRunning(),
                    options.keepRunning() ? server.port() : null,
                    options.keepRunning() ? server.url() : null,
                    fetchMillis,
                    (System.nanoTime() - began) / 1_000_000,
                    position.gap() == null,
                    position.gap());
        } catch (RuntimeException e) {
            // Never leave a half-written, unverified or short-recovered copy that someone might start later.
            if (server != null && server.cluster().isRunning()) {
                server.stopImmediately();
            }
            emptyQuietly(dataDir);
            throw e;
        } finally {
            // a leftover prefetch directory wastes space but harms nothing: the next restore clears it
            if (wal != null) {
                FileTrees.deleteQuietly(wal);
            }
        }
    }

    /** Whether recovery to {@code target} must read the missing segment; a time or a name is told only by recovering. */
    private static boolean blocks(WalReach reach, RecoveryTarget target, String gap) {
        return switch (target.kind()) {
            case LATEST -> true;
            case LSN -> reach.needs(target.value(), gap);
            case TIME, NAME -> false;
        };
    }

    /**
     * A moment or restore point beyond a gap ends recovery with PostgreSQL's "recovery ended before
     * configured recovery target was reached" (a FATAL since PostgreSQL 13; keel backs up PostgreSQL 15 and later).
     */
    private static boolean endedBeforeTarget(KeelException e, RecoveryTarget target) {
        return (target.kind() == RecoveryTarget.Kind.TIME || target.kind() == RecoveryTarget.Kind.NAME)
                && e.what().contains("before configured recovery target was reached");
    }

    /** That ending is the gap's doing, so the gap is what keel names. */
    private static KeelException namedAfterGap(KeelException e, WalReach reach, RecoveryTarget target, String gap) {
        KeelException named = reach.gapBlocks(gap, target.toString());
        return new KeelException(named.code(), named.what(), named.todo(), e);
    }

    private static void emptyQuietly(Path dir) {
        try (var entries = Files.list(dir)) {
            entries.forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot empty " + dir + " after a failed restore: " + e.getMessage(),
                    "delete it by hand before starting anything in it",
                    e);
        }
    }
}
