package dev.keel.backup.transfer;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs one task per item on a fixed number of threads and returns the results in item order. The
 * first failure stops the rest and is rethrown as it was, so a damaged object's message reaches the
 * user unchanged.
 */
public final class ParallelTransfer {
    private ParallelTransfer() {}

    public static <T, R> List<R> run(List<T> items, int threads, Function<T, R> task) {
        return run(items, threads, task, item -> 0);
    }

    /**
     * As {@link #run(List, int, Function)}, starting the heaviest items first: a 1 GiB relation segment
     * started last leaves one thread working alone on it while the others idle (at pgbench scale 100 the
     * directory walk met the largest file after half the data). Ties keep their order.
     */
    public static <T, R> List<R> run(List<T> items, int threads, Function<T, R> task, ToLongFunction<T> weight) {
        List<Integer> order = IntStream.range(0, items.size())
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> weight.applyAsLong(items.get(i)))
                        .reversed())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "keel-transfer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (int i : order) {
                T item = items.get(i);
                futures.add(pool.submit(() -> task.apply(item)));
            }
            // Awaited in the order they started, so an early failure stops the rest early.
            List<R> results = new ArrayList<>(Collections.nCopies(items.size(), (R) null));
            for (int k = 0; k < order.size(); k++) {
                results.set(order.get(k), await(futures.get(k)));
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
