package dev.keel.backup.restore;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Restore and point-in-time recovery: fetch a base backup (checked file by file), let PostgreSQL of
 * the same major version replay WAL from the repository to the target, promote, report where it
 * stopped.
 */
public final class Restore {
    private final BackupRepository repository;

    public Restore(BackupRepository repository) {
        this.repository = repository;
    }

    public RestoreResult run(RestoreOptions options) {
        long began = System.nanoTime();
        BackupManifest manifest = BackupChoice.choose(repository.catalog(), options.backupId(), options.target(), repository.store().describe());
        PostgresBinaries binaries = ServerBinaries.forMajor(manifest.postgresMajorVersion(), options.binDir());
        Path dataDir = options.targetDir().toAbsolutePath().normalize();
        TargetDirectory.prepare(dataDir, options.overwrite());
        Path wal;
        try {
            new BackupFetch(repository).into(dataDir, manifest, options.parallel(), options.progress());
            wal = WalPrefetch.into(repository, manifest, dataDir);
        } catch (RuntimeException e) {
            // Never leave a half-written or unverified copy, or one without the WAL it needs, that someone might start later.
            emptyQuietly(dataDir);
            throw e;
        }
        long fetchMillis = (System.nanoTime() - began) / 1_000_000;
        RecoveryConfig.write(dataDir, manifest.id(), WalPrefetch.copyCommand(wal), options.target());
        options.status().accept("recovering with PostgreSQL " + binaries.version() + " to " + options.target());
        RecoveredServer server = RecoveredServer.start(binaries, dataDir, options.superuser());
        RecoveredPosition position;
        try {
            position = server.awaitPromotion(options.status());
        } catch (RuntimeException e) {
            if (server.cluster().isRunning()) {
                server.stopImmediately();
            }
            throw e;
        } finally {
            // a leftover prefetch directory wastes space but harms nothing: the next restore clears it
            FileTrees.deleteQuietly(wal);
        }
        // Recovery is over: leave the command that fetches from the repository, for whoever recovers this cluster next.
        RecoveryConfig.replaceRestoreCommand(dataDir, options.restoreCommand());
        if (!options.keepRunning()) {
            server.stop();
        }
        return new RestoreResult(manifest.id(), manifest.stopTime(), options.target().toString(), dataDir.toString(), binaries.binDir().toString(),
                position.lsn(), position.lastTransactionTime(), position.timeline(), position.postgresVersion(), manifest.totalSize(),
                options.keepRunning(), options.keepRunning() ? server.port() : null, options.keepRunning() ? server.url() : null, fetchMillis,
                (System.nanoTime() - began) / 1_000_000);
    }

    private static void emptyQuietly(Path dir) {
        try (var entries = Files.list(dir)) {
            entries.forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            throw KeelException.operation("cannot empty " + dir + " after a failed restore: " + e.getMessage(), "delete it by hand before starting anything in it", e);
        }
    }
}
