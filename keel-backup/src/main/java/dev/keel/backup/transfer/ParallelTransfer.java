package dev.keel.backup.transfer;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per item on a fixed number of threads and returns the results in item order. The
 * first failure stops the rest and is rethrown as it was, so a damaged object's message reaches the
 * user unchanged.
 */
public final class ParallelTransfer {
    private ParallelTransfer() {}

    public static <T, R> List<R> run(List<T> items, int threads, Function<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "keel-transfer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(CoreError.INTERRUPTED, "the transfer was interrupted", "run it again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KeelException(
                    BackupError.TRANSFER_FAILED,
                    "a transfer failed: " + e.getCause(),
                    "rerun with -v for the cause",
                    e.getCause());
        }
    }
}
