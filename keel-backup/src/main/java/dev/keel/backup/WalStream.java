package dev.keel.backup;

import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.stream.WalStreamer;
import dev.keel.backup.wal.WalPosition;

/**
 * {@code keel wal stream} from Java: {@link #run()} receives WAL into the repository until {@link #stop()} (from
 * another thread) or {@link #close()}. Run it on a thread of its own, e.g. {@code executor.submit(stream::run)}.
 */
public final class WalStream implements AutoCloseable {
    private final BackupRepository repository;
    private final WalStreamer streamer;
    private boolean running;
    private boolean stopped;
    private boolean closed;

    WalStream(BackupRepository repository, WalStreamer streamer) {
        this.repository = repository;
        this.streamer = streamer;
    }

    /** Streams until stopped; reconnects after a lost connection. A stream stopped before it ran returns at once. */
    public WalStreamer.Result run() {
        synchronized (this) {
            if (stopped) {
                return new WalStreamer.Result(0, WalPosition.text(0), 0, true);
            }
            running = true;
        }
        return streamer.run();
    }

    /**
     * Ends {@link #run()} once the repository holds everything flushed so far; waits for that.
     *
     * @return whether the run ended in time (see {@link WalStreamer#STOP_WAIT_SECONDS})
     */
    public boolean stop() {
        boolean wasRunning;
        synchronized (this) {
            stopped = true;
            wasRunning = running;
        }
        // The streamer waits for a run to end: one that never started would keep it waiting.
        return !wasRunning || streamer.stop();
    }

    /** Stops the stream and releases the repository. */
    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        repository.close();
    }
}
