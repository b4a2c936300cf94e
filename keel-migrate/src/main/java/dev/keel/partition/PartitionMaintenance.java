package dev.keel.partition;

import static dev.keel.sql.Identifiers.qualified;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.ChangeSettings;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.ddl.LockRetryPolicy;
import dev.keel.ddl.LockSafeDdl;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * keel partitions maintain, and the agent's partition-maintenance job: for each declared set, under an advisory lock
 * of its own (a second run at the same time skips the set, and finds nothing left to do when it next runs), reads the
 * catalog once, plans, and runs the steps through the lock-safe DDL runner with a short lock_timeout and retries.
 */
public final class PartitionMaintenance {
    /** The first half of every set's advisory lock key; the second is the hash of the set's name. */
    private static final String LOCK_SPACE = "keel.partitions";

    static final String BUSY = "another keel is maintaining it right now";
    static final String GONE = "its table does not exist (dropped, or its change was rolled back)";

    private final ConnectionSource source;
    private final PartitionSets registry;
    private final LockRetryPolicy policy;
    private final Clock clock;
    private final Consumer<String> log;

    public PartitionMaintenance(
            ConnectionSource source, String stateSchema, LockRetryPolicy policy, Clock clock, Consumer<String> log) {
        this.source = source;
        this.registry = new PartitionSets(stateSchema);
        this.policy = policy;
        this.clock = clock;
        this.log = log;
    }

    /** With the changes section's lock_timeout and retries, as every DDL keel runs on a live table. */
    public static PartitionMaintenance of(
            ConnectionSource source, String stateSchema, ChangeSettings settings, Clock clock, Consumer<String> log) {
        return new PartitionMaintenance(
                source, stateSchema, new LockRetryPolicy(settings.lockTimeout(), settings.lockRetries()), clock, log);
    }

    public PartitionMaintenanceResult run(boolean dryRun) {
        try (Connection c = source.open()) {
            long start = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // Bounds are read and written as UTC text; the session's own zone would shift them.
                s.execute("SET TIME ZONE 'UTC'");
            }
            List<PartitionSet> sets = registry.all(c);
            List<PartitionMaintenanceResult.SetResult> results = new ArrayList<>();
            try (LockSafeDdl ddl = new LockSafeDdl(c, source, Cancellation.none())) {
                for (PartitionSet set : sets) {
                    results.add(dryRun ? plan(c, set) : maintain(c, ddl, set));
                }
            }
            return new PartitionMaintenanceResult(
                    source.describe(), dryRun, results, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw failed("maintaining partitions", e);
        }
    }

    private PartitionMaintenanceResult.SetResult maintain(Connection c, LockSafeDdl ddl, PartitionSet set)
            throws SQLException {
        if (!lock(c, set, "pg_try_advisory_lock")) {
            log.accept("skipping " + set.qualifiedName() + ": another keel is maintaining it right now");
            return new PartitionMaintenanceResult.SetResult(set.qualifiedName(), BUSY, List.of());
        }
        try {
            // Planned under the lock: what a run that held it before did is in the catalog by now.
            PartitionPlan plan = planOf(c, set);
            if (plan == null) {
                return new PartitionMaintenanceResult.SetResult(set.qualifiedName(), GONE, List.of());
            }
            List<PartitionMaintenanceResult.Step> done = new ArrayList<>();
            PartitionStepRunner runner = new PartitionStepRunner(c, ddl, policy, registry, set, log);
            for (PartitionStep step : plan.steps()) {
                log.accept(step.description());
                try {
                    runner.run(step);
                } catch (SQLException e) {
                    throw failed(step.description() + " of " + set.qualifiedName(), e);
                }
                done.add(describe(step));
            }
            return new PartitionMaintenanceResult.SetResult(set.qualifiedName(), null, done);
        } finally {
            lock(c, set, "pg_advisory_unlock");
        }
    }

    private PartitionMaintenanceResult.SetResult plan(Connection c, PartitionSet set) throws SQLException {
        PartitionPlan plan = planOf(c, set);
        return plan == null
                ? new PartitionMaintenanceResult.SetResult(set.qualifiedName(), GONE, List.of())
                : new PartitionMaintenanceResult.SetResult(
                        set.qualifiedName(),
                        null,
                        plan.steps().stream()
                                .map(PartitionMaintenance::describe)
                                .toList());
    }

    /** Null when the set's table is gone. */
    private PartitionPlan planOf(Connection c, PartitionSet set) throws SQLException {
        PartitionCatalog.Parent parent = PartitionCatalog.read(c, List.of(set)).get(set.qualifiedName());
        if (!parent.exists()) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        Long cutoff = set.retention() == null || !set.range() || !set.keyType().time()
                ? null
                : PartitionSpan.parse(set.retention()).before(now);
        Set<Long> defaultBuckets = set.range() && parent.defaultPartition() != null
                ? DefaultRows.buckets(c, set, parent.defaultPartition().name(), cutoff)
                : Set.of();
        Long maxKey = set.range() && !set.keyType().time() ? maxKey(c, set) : null;
        return PartitionPlanner.plan(
                set, new PartitionPlanner.Facts(parent, now, maxKey, defaultBuckets, registry.detached(c, set)));
    }

    private static PartitionMaintenanceResult.Step describe(PartitionStep step) {
        return new PartitionMaintenanceResult.Step(
                step.kind().name().toLowerCase(Locale.ROOT), step.partition(), step.description());
    }

    private static Long maxKey(Connection c, PartitionSet set) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(" + quote(set.keyColumn()) + ")::bigint FROM "
                        + qualified(set.schema(), set.parent()))) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? null : max;
        }
    }

    private static boolean lock(Connection c, PartitionSet set, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(hashtext(?), hashtext(?))")) {
            s.setString(1, LOCK_SPACE);
            s.setString(2, set.qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private KeelException failed(String what, SQLException e) {
        return new KeelException(
                MigrateError.PARTITION_MAINTENANCE_FAILED,
                what + " failed on " + source.describe() + ": " + e.getMessage(),
                "every step before it is kept; fix the cause and run keel partitions maintain again",
                e);
    }
}
