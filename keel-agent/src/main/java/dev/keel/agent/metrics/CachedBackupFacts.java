package dev.keel.agent.metrics;

import dev.keel.backup.catalog.BackupRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup repository's facts, read at most once per interval: listing a repository (an S3 bucket above all) is
 * far dearer than a scrape may be. The first read happens in the scrape that needs it; later ones in the background,
 * while scrapes serve the facts already read, so a slow object store never holds a scrape up.
 */
final class CachedBackupFacts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CachedBackupFacts.class);

    private final Supplier<BackupRepository> repository;
    private final Duration interval;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keel-metrics-backup-facts");
        t.setDaemon(true);
        return t;
    });
    private BackupFacts facts;
    private boolean reading;
    private boolean stale;

    CachedBackupFacts(Supplier<BackupRepository> repository, Duration interval, Clock clock) {
        this.repository = repository;
        this.interval = interval;
        this.clock = clock;
    }

    /** The facts to report now; starts a background read when they are older than the interval. */
    BackupFacts get() {
        BackupFacts current;
        synchronized (this) {
            current = facts;
            if (current != null) {
                boolean due =
                        stale || !clock.instant().isBefore(current.readAt().plus(interval));
                if (due && !reading) {
                    reading = true;
                    stale = false;
                    background.execute(this::readInBackground);
                }
                return current;
            }
        }
        BackupFacts first = readNow(null);
        synchronized (this) {
            if (facts == null) {
                facts = first;
            }
            return facts;
        }
    }

    /** The next {@link #get()} reads the repository again: a backup, prune or drill just changed it. */
    synchronized void invalidate() {
        stale = true;
    }

    /** Reads now, on the caller's thread, and keeps the result. */
    BackupFacts refresh() {
        BackupFacts previous;
        synchronized (this) {
            previous = facts;
        }
        BackupFacts read = readNow(previous);
        synchronized (this) {
            facts = read;
            stale = false;
        }
        return read;
    }

    private void readInBackground() {
        BackupFacts previous;
        synchronized (this) {
            previous = facts;
        }
        BackupFacts read = readNow(previous);
        synchronized (this) {
            facts = read;
            reading = false;
        }
    }

    private BackupFacts readNow(BackupFacts previous) {
        Instant now = clock.instant();
        try (BackupRepository repo = repository.get()) {
            return BackupFacts.read(repo, now);
        } catch (RuntimeException e) {
            if (previous == null || previous.readable()) {
                LOG.warn("metrics: cannot read the backup repository: {}", e.getMessage());
            }
            return previous == null ? BackupFacts.unreadableFirst(now) : previous.unreadable(now);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
