package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Makes restored files durable while the fetch goes on, the way pgBackRest syncs as it restores.
 * PostgreSQL fsyncs the whole data directory when it starts on a restored copy; left to then, the
 * disk writes a gigabyte and more while nothing else happens (measured at pgbench scale 100: about
 * 0.7 s of a 4 s restore). Here the disk writes while the next files are still being decompressed.
 *
 * <p>Several fsyncs run at once: on ext4 every fsync ends with a flush of the disk's cache, even for a
 * file with nothing left to write, and one at a time they cost about 3 ms each on the benchmark's VM
 * (1300 files of a pgbench database: 4 s). Concurrent fsyncs share their flushes: 300 files took 1.0 s
 * one at a time and 0.02–0.04 s with four or more at once. The threads wait on the disk, not the CPU.
 */
final class WriteBehind implements AutoCloseable {
    /** Enough concurrent fsyncs that their cache flushes coalesce; measured flat from 4 to 16. */
    static final int FLUSHERS = 8;
    /** How much of a large file may wait in the page cache before its fsync is queued. */
    static final long EARLY_FLUSH_EVERY = 128L << 20;

    private final ExecutorService flusher = Executors.newFixedThreadPool(FLUSHERS, r -> {
        Thread thread = new Thread(r, "keel-restore-fsync");
        thread.setDaemon(true);
        return thread;
    });
    private final LinkedBlockingQueue<Future<?>> pending = new LinkedBlockingQueue<>();

    /** Queues {@code file}, completely written and closed, to be fsynced. */
    void written(Path file) {
        pending.add(flusher.submit(() -> {
            force(file);
            return null;
        }));
    }

    /**
     * Wraps the output of a file being written: every {@link #EARLY_FLUSH_EVERY} bytes, what was written so
     * far is queued to be fsynced. Otherwise the disk starts on a 1 GiB relation segment only once it is
     * complete, and the restore waits for all of it at the end (0.3–0.9 s for 1 GiB on the benchmark's VM).
     */
    OutputStream flushingEarly(Path file, OutputStream out) {
        return new FilterOutputStream(out) {
            private long sinceFlush;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                sinceFlush += len;
                if (sinceFlush >= EARLY_FLUSH_EVERY) {
                    sinceFlush = 0;
                    written(file);
                }
            }
        };
    }

    /** Waits until every queued file is durable; the first failure is thrown. */
    void awaitDurable() {
        Future<?> next;
        while ((next = pending.poll()) != null) {
            try {
                next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeelException(CoreError.INTERRUPTED, "the restore was interrupted", "restore again", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof KeelException keel) {
                    throw keel;
                }
                throw new KeelException(
                        BackupError.TARGET_IO_FAILED,
                        "cannot make the restored files durable: "
                                + e.getCause().getMessage(),
                        "check the target disk",
                        e.getCause());
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            // removed by a failed restore that is cleaning up
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.TARGET_IO_FAILED,
                    "cannot fsync " + file + ": " + e.getMessage(),
                    "check the target disk",
                    e);
        }
    }
}
