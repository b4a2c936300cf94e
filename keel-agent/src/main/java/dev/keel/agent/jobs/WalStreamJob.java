package dev.keel.agent.jobs;

import dev.keel.backup.Backups;
import dev.keel.backup.WalStream;
import dev.keel.backup.stream.WalStreamer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keel wal stream, all the time: the stream reconnects by itself after a lost connection; when it ends anyway (the
 * repository failed, the slot went), the scheduler starts it again after a pause.
 */
public final class WalStreamJob implements Job {
    private final Supplier<Backups> backups;
    private WalStream current;
    private boolean stopped;

    public WalStreamJob(Supplier<Backups> backups) {
        this.backups = backups;
    }

    @Override
    public JobName name() {
        return JobName.WAL_STREAM;
    }

    @Override
    public JobResult run() {
        WalStream stream = backups.get().walStream();
        synchronized (this) {
            current = stream;
            if (stopped) {
                stream.stop();
            }
        }
        try (stream) {
            WalStreamer.Result result = stream.run();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("segmentsStored", result.segmentsStored());
            figures.put("flushedLsn", result.flushedLsn());
            figures.put("timeline", result.timeline());
            figures.put("allStored", result.allStored());
            return new JobResult(
                    figures, result.allStored() ? null : "WAL the repository did not take stays in the spool");
        } finally {
            synchronized (this) {
                current = null;
                stopped = false;
            }
        }
    }

    /** Stores what was flushed, then ends the run; a stop before the run began ends it as soon as it begins. */
    @Override
    public void stop() {
        WalStream stream;
        synchronized (this) {
            stopped = true;
            stream = current;
        }
        if (stream != null) {
            stream.stop();
        }
    }
}
