package dev.keel.backup.base;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupLease;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.incr.BackupChain;
import dev.keel.error.KeelException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A backup from its reserved id to its manifest: holds the lease that tells keel backup prune it is
 * running and which backup it builds on, renews it, and gives it up when the backup ends. Prune keeps
 * a leased backup and everything it builds on; the backup in turn checks, after naming its parent and
 * again right before its manifest, that the parent is still there, so that whichever of the two comes
 * second in a race, the repository never holds a complete backup whose parent is gone.
 */
public final class RunningBackup implements AutoCloseable {
    private final BackupRepository repository;
    private final Clock clock;
    private final ScheduledExecutorService renewer;
    private volatile BackupLease lease;
    private boolean completed;

    private RunningBackup(BackupRepository repository, Clock clock, BackupLease lease) {
        this.repository = repository;
        this.clock = clock;
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-backup-lease");
            t.setDaemon(true);
            return t;
        });
        long every = BackupLease.RENEW_EVERY.toMillis();
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Reserves the backup's id in the repository and starts renewing its lease. */
    public static RunningBackup start(BackupRepository repository, Clock clock) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        String writer = UUID.randomUUID().toString();
        BackupLease lease = BackupIds.reserve(
                repository,
                clock.instant(),
                id -> new BackupLease(
                        id, host, pid, writer, clock.instant(), clock.instant(), null, BackupLease.RUNNING));
        return new RunningBackup(repository, clock, lease);
    }

    public String id() {
        return lease.backupId();
    }

    /** Names the backup this one builds on in the lease, then checks it is still there. */
    public synchronized void buildsOn(BackupManifest parent) {
        lease = lease.withParent(parent.id()).renewed(clock.instant());
        write();
        refuseVanishedParent(parent.id());
    }

    /**
     * Right before the manifest: everything the backup builds on must still be there. A prune that
     * removes the parent after this check finds the lease (or, once released, the manifest) naming
     * it and puts it back.
     */
    public void checkAncestors(BackupManifest manifest) {
        Optional<String> missing = new BackupChain(repository).missingAncestor(manifest);
        if (missing.isPresent()) {
            throw vanished(missing.get());
        }
    }

    /** The manifest is written: the lease goes, and the backup is complete. */
    public synchronized void complete() {
        completed = true;
        renewer.shutdownNow();
        repository.store().delete(RepositoryLayout.lease(id()));
    }

    /** Ends renewing; a backup that did not complete marks its lease failed, so prune may remove it at once. */
    @Override
    public synchronized void close() {
        renewer.shutdownNow();
        if (!completed) {
            try {
                lease = lease.failed();
                write();
            } catch (KeelException e) {
                // The lease then expires on its own; the backup's own failure is the one to report.
            }
        }
    }

    private void refuseVanishedParent(String parent) {
        if (!repository.store().exists(RepositoryLayout.manifest(parent))) {
            throw vanished(parent);
        }
    }

    private KeelException vanished(String parent) {
        return new KeelException(
                BackupError.PARENT_REMOVED,
                "backup " + parent + ", which incremental backup " + id() + " builds on, was removed from "
                        + repository.store().describe()
                        + " while the backup ran; the backup cannot be restored and is not complete",
                "run the backup again; it builds on the newest backup there is");
    }

    private synchronized void renew() {
        if (completed) {
            return;
        }
        try {
            lease = lease.renewed(clock.instant());
            write();
        } catch (RuntimeException e) {
            // The next renewal tries again; a repository gone for good fails the backup's own writes first.
        }
    }

    private void write() {
        repository.store().put(RepositoryLayout.lease(id()), lease.json());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
