package dev.keel.backup.base;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A backup's row counts, taken on a thread of their own right after the backup stopped while the backup copies
 * its WAL and makes its files durable: on a cluster of thousands of tables the counts and that work each took a
 * few hundred milliseconds, one after the other.
 */
final class BackgroundRowCounts {
    private final CompletableFuture<Map<String, Long>> counts = new CompletableFuture<>();

    private BackgroundRowCounts() {}

    /** Starts counting now: call it right after the backup stopped, so the counts describe its end. */
    static BackgroundRowCounts start(DatabaseOpener opener) {
        BackgroundRowCounts background = new BackgroundRowCounts();
        Thread thread = new Thread(
                () -> {
                    try {
                        background.counts.complete(TableRowCounts.count(opener));
                    } catch (Throwable e) {
                        background.counts.completeExceptionally(e);
                    }
                },
                "keel-row-counts");
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** Waits for the counts; a failure to count is thrown here, as counting in the caller's thread would. */
    Map<String, Long> get() {
        try {
            return counts.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
