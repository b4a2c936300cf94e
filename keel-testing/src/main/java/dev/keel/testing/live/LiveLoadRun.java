package dev.keel.testing.live;

import dev.keel.testing.Eventually;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One execution of a {@link LiveLoad}'s plan; whatever happens, every thread is stopped and every connection closed. */
final class LiveLoadRun {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final LiveLoad load;
    private final RunLog log = new RunLog();
    private final KeySpace keys;
    private final String application;
    private final LockWaitMonitor monitor;
    private final List<LoadThread> started = new ArrayList<>();
    private final Map<String, List<LoadThread>> running = new LinkedHashMap<>();
    private final List<DataComparison> comparisons = new ArrayList<>();
    private final List<String> stepsDone = new ArrayList<>();
    /** The change step a comparison follows: launching or retiring a side changes no data. */
    private String lastAction = "the start";

    LiveLoadRun(LiveLoad load) {
        this.load = load;
        this.keys = new KeySpace(load.existingRows);
        // Names this run's sessions, so the monitor watches them and no other test's.
        this.application =
                "keel_live_" + RUNS.incrementAndGet() + "_" + Long.toHexString(load.random.nextLong() & 0xffffL) + "_";
        this.monitor = new LockWaitMonitor(load.url, application, load.sampleInterval, log);
    }

    LiveLoadReport run() {
        Throwable failure = null;
        List<LockWait> waits;
        ExecutorService steps = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, application + "step");
            t.setDaemon(true);
            return t;
        });
        try (Connection reader = DriverManager.getConnection(load.url)) {
            monitor.start();
            // A wait in the first step must not slip past a monitor that is still connecting.
            Eventually.await(
                    load.settleLimit,
                    "the lock monitor's first sample",
                    () -> monitor.samples() > 0 || monitor.error() != null,
                    () -> "no sample yet");
            Set<String> later = new HashSet<>();
            load.plan.stream()
                    .filter(PlanStep.Launch.class::isInstance)
                    .forEach(s -> later.add(((PlanStep.Launch) s).side()));
            load.sides.values().stream().filter(s -> !later.contains(s.name())).forEach(this::launch);
            settle("the start");
            for (PlanStep step : load.plan) {
                log.enter(step.name());
                perform(step, steps, reader);
                stepsDone.add(step.name());
                log.enter("after " + step.name());
                settle(step.name());
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            steps.shutdownNow();
            List<String> stuck = stopAll();
            waits = monitor.stop();
            if (failure == null && !stuck.isEmpty()) {
                // Daemon threads: they cannot keep the JVM alive, but the test must hear of them.
                failure = new AssertionError("application threads did not stop even when cancelled: " + stuck);
            }
        }
        LiveLoadReport report = report(waits);
        if (failure != null) {
            throw new AssertionError(
                    "live load stopped during " + log.step() + ": " + failure + "\n" + report, failure);
        }
        return report;
    }

    private void perform(PlanStep step, ExecutorService steps, Connection reader) throws Exception {
        if (step instanceof PlanStep.Action a) {
            runWithLimit(a, steps);
            lastAction = a.name();
        } else if (step instanceof PlanStep.Launch l) {
            launch(load.sides.get(l.side()));
        } else if (step instanceof PlanStep.Retire r) {
            retire(r.side());
        } else if (step instanceof PlanStep.Compare c) {
            compare(c, reader);
        }
    }

    private void runWithLimit(PlanStep.Action action, ExecutorService steps) throws Exception {
        Future<?> done = steps.submit(() -> {
            action.step().run();
            return null;
        });
        try {
            done.get(load.stepLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new AssertionError("step " + action.name() + " did not finish within " + load.stepLimit, e);
        }
    }

    private void launch(Side side) {
        List<LoadThread> threads = new ArrayList<>();
        for (int i = 0; i < side.readers() + side.writers(); i++) {
            boolean writer = i >= side.readers();
            String name = side.name() + "-" + (writer ? "writer-" + (i - side.readers()) : "reader-" + i);
            threads.add(new LoadThread(
                    name, side, writer, load.url, application + name, keys, load.random.nextLong(), log));
        }
        running.put(side.name(), threads);
        started.addAll(threads);
        threads.forEach(LoadThread::start);
    }

    /** The side's threads finish their statements and stop, as a retired application version would. */
    private void retire(String side) {
        List<LoadThread> threads = running.remove(side);
        threads.forEach(LoadThread::requestStop);
        for (LoadThread t : threads) {
            if (!t.awaitEnd(load.stopLimit)) {
                throw new AssertionError(t.name() + " did not stop within " + load.stopLimit + " even when cancelled");
            }
        }
    }

    private void compare(PlanStep.Compare c, Connection reader) throws SQLException {
        Map<Side, String> queries = new LinkedHashMap<>();
        for (String side : running.keySet()) {
            queries.put(load.sides.get(side), c.queryBySide().getOrDefault(side, c.defaultQuery()));
        }
        Map<String, List<List<String>>> rows = SnapshotReader.read(reader, queries);
        String after = lastAction;
        List<String> names = new ArrayList<>(rows.keySet());
        for (int i = 1; i < names.size(); i++) {
            comparisons.add(DataComparison.of(
                    after, names.get(0), rows.get(names.get(0)), names.get(i), rows.get(names.get(i))));
        }
    }

    /** Waits until every running thread has run settleStatements more statements, failed ones included. */
    private void settle(String after) {
        List<LoadThread> threads =
                running.values().stream().flatMap(List::stream).toList();
        Map<LoadThread, Long> before = new HashMap<>();
        threads.forEach(t -> before.put(t, t.attempts()));
        Eventually.await(
                load.settleLimit,
                "every application thread to run " + load.settleStatements + " statements after " + after,
                () -> {
                    threads.stream().filter(LoadThread::ended).findFirst().ifPresent(t -> {
                        throw new AssertionError(t.name() + " ended on its own: " + t.death(), t.death());
                    });
                    return threads.stream().allMatch(t -> t.attempts() - before.get(t) >= load.settleStatements);
                },
                () -> threads.stream()
                        .map(t -> t.name() + " " + (t.attempts() - before.get(t)))
                        .toList());
    }

    /** Stops every thread ever started and returns the names of those that would not stop. */
    private List<String> stopAll() {
        started.forEach(LoadThread::requestStop);
        List<String> stuck = new ArrayList<>();
        for (LoadThread t : started) {
            if (!t.awaitEnd(load.stopLimit)) {
                stuck.add(t.name());
            }
        }
        running.clear();
        return stuck;
    }

    private LiveLoadReport report(List<LockWait> waits) {
        Map<String, List<LatencyLog>> byWhat = new TreeMap<>();
        long statements = 0;
        for (LoadThread t : started) {
            statements += t.attempts();
            t.latencies()
                    .forEach((kind, latencies) -> byWhat.computeIfAbsent(
                                    t.side().name() + " " + kind.label(), k -> new ArrayList<>())
                            .add(latencies));
        }
        Map<String, LatencySummary> summaries = new LinkedHashMap<>();
        byWhat.forEach((what, logs) -> summaries.put(what, LatencyLog.summarize(logs)));
        return new LiveLoadReport(
                List.copyOf(stepsDone),
                statements,
                log.failureCount(),
                log.failures(),
                summaries,
                log.slowest(),
                waits,
                monitor.samples(),
                monitor.error(),
                List.copyOf(comparisons));
    }
}
