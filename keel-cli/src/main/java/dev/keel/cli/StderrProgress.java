package dev.keel.cli;

import dev.keel.backup.transfer.TransferProgress;
import dev.keel.config.ByteSizes;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long transfer on stderr: a redrawn bar on a terminal, a plain line every ten
 * seconds otherwise (logs and CI output stay readable).
 */
final class StderrProgress implements TransferProgress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> ticks;
    private String what;
    private long total;
    private long startedAt;

    StderrProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static StderrProgress forConsole(PrintStream err) {
        return new StderrProgress(err, System.console() != null);
    }

    @Override
    public synchronized void started(String what, long totalBytes, int files) {
        this.what = what;
        this.total = totalBytes;
        this.startedAt = System.nanoTime();
        done.set(0);
        err.println("keel: " + what + ", " + ByteSizes.human(totalBytes));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-progress");
            t.setDaemon(true);
            return t;
        });
        long every = terminal ? 200 : 10_000;
        ticks = timer.scheduleAtFixedRate(this::draw, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void advanced(long bytes) {
        done.addAndGet(bytes);
    }

    @Override
    public synchronized void finished() {
        if (timer == null) {
            return;
        }
        ticks.cancel(false);
        timer.shutdownNow();
        timer = null;
        if (terminal) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        }
        double seconds = Math.max(0.001, (System.nanoTime() - startedAt) / 1e9);
        err.printf("keel: %s done: %s in %.1f s%n", what, ByteSizes.human(done.get()), seconds);
    }

    private synchronized void draw() {
        long now = done.get();
        double share = total == 0 ? 1 : Math.min(1, now / (double) total);
        double seconds = Math.max(0.001, (System.nanoTime() - startedAt) / 1e9);
        String rate = ByteSizes.human((long) (now / seconds)) + "/s";
        if (terminal) {
            int filled = (int) (share * WIDTH);
            err.printf(
                    "\r[%s%s] %3d%% %s of %s, %s   ",
                    "#".repeat(filled),
                    " ".repeat(WIDTH - filled),
                    (int) (share * 100),
                    ByteSizes.human(now),
                    ByteSizes.human(total),
                    rate);
        } else {
            err.printf(
                    "keel: %3d%% %s of %s, %s%n",
                    (int) (share * 100), ByteSizes.human(now), ByteSizes.human(total), rate);
        }
        err.flush();
    }
}
