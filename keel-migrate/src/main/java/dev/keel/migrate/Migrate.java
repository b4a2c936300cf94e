package dev.keel.migrate;

import dev.keel.change.ChangeSettings;
import dev.keel.change.Changes;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.ServerRole;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Applies pending migrations under the migration lock. Every pending script is split and checked
 * before the first one runs, so a broken file stops the run before anything changed.
 */
public final class Migrate {

    private Migrate() {}

    public static MigrateResult run(
            ConnectionSource source, MigrationSettings settings, MigrateOptions options, MigrationListener listener) {
        return run(source, settings, options, listener, Cancellation.none());
    }

    /**
     * As above; {@code cancellation} stops the run from another thread (Ctrl-C): the server cancels the
     * running statement, the migration in flight rolls back, and the run fails with exit code 130.
     */
    public static MigrateResult run(
            ConnectionSource source,
            MigrationSettings settings,
            MigrateOptions options,
            MigrationListener listener,
            Cancellation cancellation) {
        return run(source, settings, ChangeSettings.DEFAULTS, options, listener, cancellation);
    }

    /** As above, with how zero-downtime changes take locks and fill rows (keel.yaml's changes section). */
    public static MigrateResult run(
            ConnectionSource source,
            MigrationSettings settings,
            ChangeSettings changeSettings,
            MigrateOptions options,
            MigrationListener listener,
            Cancellation cancellation) {
        long start = System.nanoTime();
        MigrationSettings effective = options.outOfOrder() ? settings.withOutOfOrder(true) : settings;
        // Connecting and reading the files overlap: at start-up both take about as long.
        CompletableFuture<Connection> connecting = CompletableFuture.supplyAsync(source::open, Migrate::daemon);
        List<MigrationScript> scripts;
        try {
            scripts = effective.resolver().resolve();
        } catch (RuntimeException e) {
            connecting.thenAccept(Migrate::closeQuietly);
            throw e;
        }
        HistoryTable history = effective.history();
        try (Connection c = await(connecting)) {
            if (options.dryRun()) {
                MigrationPlan plan =
                        MigrationPlan.of(scripts, history.read(c), effective.outOfOrder(), options.target());
                failOnProblems(plan);
                List<MigrationExecutor.PreparedScript> prepared =
                        plan.pending().stream().map(MigrationExecutor::prepare).toList();
                SafetyGate.check(c, prepared, options.skipChecks(), effective.check(), listener);
                List<MigrateResult.Applied> planned = prepared.stream()
                        .map(p -> applied(p.script(), 0, p.transactional()))
                        .toList();
                List<String> changePlan = dryRunChange(c, source, effective, changeSettings, plan, listener);
                return new MigrateResult(
                        source.describe(),
                        version(plan.current()),
                        after(plan),
                        planned,
                        true,
                        elapsed(start),
                        null,
                        0,
                        changePlan);
            }
            ServerRole.requirePrimary(c, source.describe(), "migrate");
            Cancellation.Registration watching = cancellation.watch(c);
            try (MigrationLock lock = MigrationLock.acquire(c, history, listener)) {
                // A Ctrl-C while connecting or waiting for another keel's lock found no statement to cancel.
                if (cancellation.isCancelled()) {
                    throw new SQLException("cancelled before the first migration", "57014");
                }
                history.ensureExists(c);
                MigrationPlan plan =
                        MigrationPlan.of(scripts, history.read(c), effective.outOfOrder(), options.target());
                failOnProblems(plan);
                List<MigrationExecutor.PreparedScript> prepared =
                        plan.pending().stream().map(MigrationExecutor::prepare).toList();
                SafetyGate.check(c, prepared, options.skipChecks(), effective.check(), listener);
                Changes changes = new Changes(c, source, history, changeSettings, listener, cancellation);
                ChangeRun run = new ChangeRun(changes, options.complete(), plan.current());
                if (!run.mayProceed(prepared, listener)) {
                    return new MigrateResult(
                            source.describe(),
                            version(plan.current()),
                            version(plan.current()),
                            List.of(),
                            false,
                            elapsed(start),
                            run.active(),
                            run.waiting(),
                            List.of());
                }
                List<MigrateResult.Applied> applied =
                        applyAll(c, source, effective, prepared, listener, cancellation, watching, run);
                return new MigrateResult(
                        source.describe(),
                        version(plan.current()),
                        after(plan, applied),
                        applied,
                        false,
                        elapsed(start),
                        run.active(),
                        run.waiting(),
                        List.of());
            } finally {
                watching.close();
            }
        } catch (SQLException e) {
            if (cancellation.isCancelled()) {
                throw new KeelException(
                        CoreError.INTERRUPTED,
                        "interrupted by " + cancellation.reason() + " before any migration was applied",
                        "run migrate again",
                        e);
            }
            throw new KeelException(
                    MigrateError.MIGRATE_FAILED,
                    "migrating " + source.describe() + " failed: " + e.getMessage(),
                    "check the database's state and the server log, then run migrate again",
                    e);
        }
    }

    private static List<MigrateResult.Applied> applyAll(
            Connection c,
            ConnectionSource source,
            MigrationSettings settings,
            List<MigrationExecutor.PreparedScript> prepared,
            MigrationListener listener,
            Cancellation cancellation,
            Cancellation.Registration watching,
            ChangeRun run)
            throws SQLException {
        List<MigrateResult.Applied> applied = new ArrayList<>();
        if (prepared.isEmpty()) {
            return applied;
        }
        try (Statement s = c.createStatement()) {
            s.execute(MigrationExecutor.sessionTimeouts(settings));
            // Group commit: each migration commits atomically with its history row but does not wait for its own
            // WAL flush; the barrier below flushes them all before keel reports anything.
            s.execute("SET synchronous_commit = off");
        }
        MigrationExecutor executor = new MigrationExecutor(c, source, settings, listener, cancellation);
        boolean finished = false;
        try {
            for (int i = 0; i < prepared.size(); i++) {
                MigrationExecutor.PreparedScript p = prepared.get(i);
                listener.applying(p.script());
                if (p.script().type() == MigrationType.CHANGE) {
                    long millis = run.start(p.script());
                    listener.applied(p.script(), millis);
                    applied.add(applied(p.script(), millis, false));
                    if (run.active() != null) {
                        run.leaveWaiting(prepared.size() - i - 1, listener);
                        break;
                    }
                    continue;
                }
                long millis = executor.apply(p);
                listener.applied(p.script(), millis);
                run.applied(p.script());
                applied.add(applied(p.script(), millis, p.transactional()));
            }
            finished = true;
        } finally {
            executor.close();
            // What follows only finishes the run: a late Ctrl-C must not cancel it.
            watching.close();
            if (finished) {
                DurabilityBarrier.flush(c, settings.history());
            } else {
                // The run failed: still make what it applied (and the failure it recorded) durable, without hiding the
                // failure.
                try {
                    DurabilityBarrier.flush(c, settings.history());
                } catch (SQLException e) {
                    listener.warn("could not confirm that the migrations applied before the failure are durable: "
                            + e.getMessage());
                }
            }
        }
        return applied;
    }

    /** What a dry run shows of the first pending change: its planned start, complete and rollback. */
    private static List<String> dryRunChange(
            Connection c,
            ConnectionSource source,
            MigrationSettings settings,
            ChangeSettings changeSettings,
            MigrationPlan plan,
            MigrationListener listener)
            throws SQLException {
        MigrationVersion previous = plan.current();
        for (MigrationScript script : plan.pending()) {
            if (script.type() == MigrationType.CHANGE) {
                Changes changes =
                        new Changes(c, source, settings.history(), changeSettings, listener, Cancellation.none());
                return ChangePlanText.lines(changes.plan(script, previous == null ? null : previous.toString()));
            }
            if (script.version() != null) {
                previous = script.version();
            }
        }
        return List.of();
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "keel-connect");
        t.setDaemon(true);
        t.start();
    }

    private static Connection await(CompletableFuture<Connection> connecting) {
        try {
            return connecting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the run failed already; this connection was never used
        }
    }

    static void failOnProblems(MigrationPlan plan) {
        if (!plan.problems().isEmpty()) {
            ValidationProblem first = plan.problems().get(0);
            String more = plan.problems().size() > 1
                    ? " (and " + (plan.problems().size() - 1) + " more problems: run keel validate)"
                    : "";
            throw new MigrationException(first.kind().code(), first.message() + more, first.fix());
        }
    }

    private static MigrateResult.Applied applied(MigrationScript s, long millis, boolean transactional) {
        return new MigrateResult.Applied(
                s.version() == null ? null : s.version().toString(),
                s.description(),
                s.type().name(),
                s.script(),
                millis,
                transactional);
    }

    private static String after(MigrationPlan plan) {
        return plan.pending().stream()
                .filter(s -> !s.repeatable())
                .map(s -> s.version().toString())
                .reduce((a, b) -> b)
                .orElse(version(plan.current()));
    }

    private static String after(MigrationPlan plan, List<MigrateResult.Applied> applied) {
        return applied.stream()
                .filter(a -> a.version() != null)
                .map(MigrateResult.Applied::version)
                .reduce((a, b) -> b)
                .orElse(version(plan.current()));
    }

    private static String version(MigrationVersion v) {
        return v == null ? null : v.toString();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
