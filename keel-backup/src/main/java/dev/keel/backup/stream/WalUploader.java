package dev.keel.backup.stream;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.repo.RepositoryRefusal;
import dev.keel.backup.wal.WalArchive;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves WAL from the spool into the repository on its own thread, so that a slow repository (S3)
 * never delays the receiver's acknowledgements. One thread does everything in order, which keeps
 * the repository consistent: a segment's partial copy is written before the segment itself, and
 * removed once the segment is stored. A failed upload is retried until it succeeds, unless the
 * repository refuses it for good (access denied, bucket missing: {@link RepositoryRefusal}) or its stored
 * copy of the segment is damaged; then the uploader stops and tells the receiver, which ends with that
 * error. Only a stored segment that reads well and differs is a conflict: the received copy is kept
 * aside in the spool and streaming goes on. Nothing is removed from the spool before the repository holds it.
 */
final class WalUploader implements AutoCloseable {
    private static final long RETRY_MILLIS = 2_000;
    private static final int STOP_ATTEMPTS = 3;

    private sealed interface Task permits Finished, Historic, PartialNow, Stop {}

    private record Finished(Path file) implements Task {}

    /** The last segment of a timeline that ended inside it: stored as partial for good. */
    private record Historic(int timeline, String segment, Path file) implements Task {}

    private record PartialNow() implements Task {}

    private record Stop() implements Task {}

    private final BackupRepository repository;
    private final WalArchive archive;
    private final StreamListener listener;
    private final long partialIntervalMillis;
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final AtomicReference<PartialState> partial = new AtomicReference<>();
    private final Thread thread;
    private String pushedSegment;
    private long pushedBytes = -1;
    private long lastPartialPush = System.nanoTime();
    private volatile boolean stopping;
    private final Runnable onRefusal;
    private volatile KeelException refusal;
    private volatile boolean gaveUp;

    /** @param onRefusal called on the uploader's thread when the repository refuses for good; {@link #refusal()} then says why */
    WalUploader(BackupRepository repository, StreamListener listener, Duration partialInterval, Runnable onRefusal) {
        this.onRefusal = onRefusal;
        this.repository = repository;
        this.archive = new WalArchive(repository);
        this.listener = listener;
        this.partialIntervalMillis = Math.max(1, partialInterval.toMillis());
        this.thread = new Thread(this::loop, "keel-wal-upload");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Why the repository refused WAL for good, once it did; the uploader has stopped then. */
    Optional<KeelException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether, stopping, it left WAL in the spool that the repository would not take. */
    boolean gaveUp() {
        return gaveUp;
    }

    void finished(Path file) {
        tasks.add(new Finished(file));
    }

    void historic(int timeline, String segment, Path file) {
        tasks.add(new Historic(timeline, segment, file));
    }

    /** What is flushed of the current segment; the uploader copies it to the repository now and then. */
    void publish(PartialState state) {
        partial.set(state);
    }

    /** Copies the current segment's flushed part to the repository soon, whatever the interval. */
    void partialNow() {
        tasks.add(new PartialNow());
    }

    /** Uploads everything queued and the current partial segment, then stops. */
    @Override
    public void close() {
        stopping = true;
        tasks.add(new PartialNow());
        tasks.add(new Stop());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            Task task;
            try {
                task = tasks.poll(partialIntervalMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task instanceof Stop) {
                return;
            }
            runUntilDone(task);
            if (refusal == null && System.nanoTime() - lastPartialPush >= partialIntervalMillis * 1_000_000) {
                runUntilDone(new PartialNow());
            }
            if (refusal != null) {
                return;
            }
        }
    }

    private void runUntilDone(Task task) {
        for (int attempt = 1; ; attempt++) {
            try {
                run(task);
                return;
            } catch (RepositoryRefusal e) {
                refusal = e;
                onRefusal.run();
                return;
            } catch (RuntimeException e) {
                if (e instanceof KeelException k && k.code() == BackupError.OBJECT_DAMAGED) {
                    // A damaged stored copy stays so until a person acts, as a refusal does; the spool keeps the WAL.
                    refusal = k;
                    onRefusal.run();
                    return;
                }
                if (stopping && attempt >= STOP_ATTEMPTS) {
                    gaveUp = true;
                    // The spool still holds it; the next run uploads it before it streams.
                    listener.warning(
                            "gave up storing WAL in " + repository.store().describe() + " for now (" + e.getMessage()
                                    + "); it stays in the spool and the next run stores it");
                    return;
                }
                listener.retrying(
                        "cannot store WAL in " + repository.store().describe() + ": " + e.getMessage(),
                        RETRY_MILLIS / 1000);
                if (sleep()) {
                    return;
                }
            }
        }
    }

    private void run(Task task) {
        if (task instanceof Finished finished) {
            store(finished.file());
        } else if (task instanceof Historic historic) {
            storeHistoric(historic);
        } else if (task instanceof PartialNow) {
            lastPartialPush = System.nanoTime();
            storePartial(partial.get());
        }
    }

    private void store(Path file) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            return;
        }
        try {
            boolean stored = archive.push(file);
            if (stored) {
                listener.stored(name);
            }
        } catch (KeelException e) {
            if (e.code() != BackupError.WAL_CONFLICT) {
                throw e;
            }
            // A different file of that name is in the repository: keep both, never overwrite the stored one.
            moveAside(file);
            listener.warning(
                    e.getMessage() + "; kept the received copy as " + file.getFileName() + ".conflict in the spool");
            return;
        }
        if (RepositoryLayout.isSegmentName(name)) {
            repository.store().delete(RepositoryLayout.walSegment(WalPosition.timeline(name), name, true));
        }
        delete(file);
    }

    private void storeHistoric(Historic historic) {
        if (!Files.exists(historic.file())) {
            return;
        }
        try (InputStream in = Files.newInputStream(historic.file())) {
            repository.write(RepositoryLayout.walSegment(historic.timeline(), historic.segment(), true), in);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.SPOOL_IO_FAILED,
                    "cannot read " + historic.file() + ": " + e.getMessage(),
                    "check the spool directory",
                    e);
        }
        listener.stored(historic.segment() + RepositoryLayout.PARTIAL_SUFFIX);
        delete(historic.file());
    }

    private void storePartial(PartialState state) {
        if (state == null
                || state.flushedBytes() <= 0
                || (state.segment().equals(pushedSegment) && state.flushedBytes() <= pushedBytes)) {
            return;
        }
        String object = RepositoryLayout.walSegment(state.timeline(), state.segment(), true);
        try (InputStream in = new BoundedInput(Files.newInputStream(state.file()), state.flushedBytes())) {
            repository.write(object, in);
        } catch (NoSuchFileException e) {
            // finished meanwhile: the whole segment is queued behind this task
            return;
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.SPOOL_IO_FAILED,
                    "cannot read " + state.file() + ": " + e.getMessage(),
                    "check the spool directory",
                    e);
        }
        pushedSegment = state.segment();
        pushedBytes = state.flushedBytes();
    }

    private static void moveAside(Path file) {
        try {
            Files.move(
                    file, file.resolveSibling(file.getFileName() + ".conflict"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.SPOOL_IO_FAILED,
                    "cannot rename " + file + ": " + e.getMessage(),
                    "check the spool directory",
                    e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.SPOOL_IO_FAILED,
                    "cannot remove " + file + " from the spool: " + e.getMessage(),
                    "check the spool directory's permissions",
                    e);
        }
    }

    /** @return true when interrupted */
    private boolean sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The first {@code limit} bytes of a stream: a partial segment as far as it is flushed. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
