package dev.keel.partition;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.qualified;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.ddl.LockRetryPolicy;
import dev.keel.ddl.LockSafeDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one maintenance step of one set. Catalog changes run with the policy's short lock_timeout and are retried;
 * a concurrent detach waits for older transactions without one, as a concurrent index build does (the wait blocks no
 * reads or writes, and giving up would only leave the detach to be finished).
 */
final class PartitionStepRunner {
    /** SQLSTATE check_violation: the default partition holds rows of the range a new partition would take. */
    private static final String CHECK_VIOLATION = "23514";

    private static final LockRetryPolicy WAIT = new LockRetryPolicy(Duration.ZERO, 0);

    private final Connection c;
    private final LockSafeDdl ddl;
    private final LockRetryPolicy policy;
    private final PartitionSets registry;
    private final PartitionSet set;
    private final String parent;
    private final Consumer<String> log;
    private PartitionCounters counters;

    PartitionStepRunner(
            Connection c,
            LockSafeDdl ddl,
            LockRetryPolicy policy,
            PartitionSets registry,
            PartitionSet set,
            Consumer<String> log) {
        this.log = log;
        this.c = c;
        this.ddl = ddl;
        this.policy = policy;
        this.registry = registry;
        this.set = set;
        this.parent = qualified(set.schema(), set.parent());
    }

    void run(PartitionStep step) throws SQLException {
        switch (step.kind()) {
            case CREATE -> create(step);
            case MOVE -> move(step);
            case FINALIZE ->
                ddl.execute(
                        "ALTER TABLE " + parent + " DETACH PARTITION " + partition(step) + " FINALIZE",
                        WAIT,
                        retries());
            case DETACH -> detach(step);
            case DROP ->
                inTransaction(List.of(
                        "DROP TABLE IF EXISTS " + partition(step),
                        registry.forgetDetached(set.schema(), step.partition())));
        }
    }

    private String partition(PartitionStep step) {
        return qualified(set.schema(), step.partition());
    }

    private String bounds(PartitionStep step) {
        return PartitionDdl.bounds(set, step.lower(), step.upper());
    }

    private String with() {
        return PartitionDdl.with(set);
    }

    /** Rows that reached the default partition since planning make the create fail: they are moved instead. */
    private void create(PartitionStep step) throws SQLException {
        try {
            ddl.execute(PartitionDdl.createRange(set, step.partition(), step.lower(), step.upper()), policy, retries());
        } catch (SQLException e) {
            if (!CHECK_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            move(step);
        }
    }

    /**
     * PostgreSQL refuses a partition whose range has rows in the default partition, so in one transaction: the new
     * table is created apart, the rows are deleted from the default partition into it, and it is attached. Only the
     * default partition is locked (ACCESS EXCLUSIVE) for the move; the parent gets SHARE UPDATE EXCLUSIVE from ATTACH,
     * so reads and writes of the other partitions go on. A lock timeout rolls everything back and it is tried again.
     * Generated columns are left out of the copy: the new table computes them itself.
     */
    private void move(PartitionStep step) throws SQLException {
        String defaultPartition = defaultPartition();
        String key = quote(set.keyColumn());
        String type = DefaultRows.sqlType(set.keyType());
        PartitionInterval width = set.width();
        String columns = String.join(", ", storedColumns());
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS " + partition(step) + " (LIKE " + parent
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING GENERATED)" + with(),
                "WITH moved AS (DELETE FROM ONLY " + defaultPartition + " WHERE " + key + " >= "
                        + width.literal(step.lower()) + "::" + type + " AND " + key + " < "
                        + width.literal(step.upper()) + "::" + type + " RETURNING " + columns + ") INSERT INTO "
                        + partition(step) + " (" + columns + ") SELECT " + columns + " FROM moved",
                "ALTER TABLE " + parent + " ATTACH PARTITION " + partition(step) + " " + bounds(step)));
        // The delete from the default partition was counted by its triggers; the new table had none yet.
        statements.addAll(counters().deltasOf(partition(step), false));
        inTransaction(statements);
    }

    /** Read once per run of the set, at its first move or detach: most runs have neither. */
    private PartitionCounters counters() throws SQLException {
        if (counters == null) {
            counters = PartitionCounters.of(c, registry.stateSchema(), set);
        }
        return counters;
    }

    /** The parent's columns that hold values, quoted: not dropped, not generated. */
    private List<String> storedColumns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = " + literal(parent)
                        + "::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
            while (rs.next()) {
                columns.add(quote(rs.getString(1)));
            }
        }
        return columns;
    }

    /**
     * Recorded first, so a crash after the detach leaves it known to drop. CONCURRENTLY where PostgreSQL allows it
     * (since 14, and not with a default partition) and no counter counts the table; otherwise a plain detach, which
     * takes ACCESS EXCLUSIVE on the parent for an instant under the short lock_timeout. A counter's rows are counted
     * out in the detach's transaction, read with the partition locked against writes, so the counter never counts
     * rows the table no longer has, nor misses a write made meanwhile.
     */
    private void detach(PartitionStep step) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(registry.recordDetach(set, step.partition(), step.dropAfter()));
        }
        if (counters().any()) {
            List<String> statements = new ArrayList<>();
            statements.add("LOCK TABLE " + partition(step) + " IN SHARE MODE");
            statements.addAll(counters().deltasOf(partition(step), true));
            statements.add("ALTER TABLE " + parent + " DETACH PARTITION " + partition(step));
            inTransaction(statements);
        } else if (hasDefault() || c.getMetaData().getDatabaseMajorVersion() < 14) {
            ddl.execute("ALTER TABLE " + parent + " DETACH PARTITION " + partition(step), policy, retries());
        } else {
            ddl.execute(
                    "ALTER TABLE " + parent + " DETACH PARTITION " + partition(step) + " CONCURRENTLY",
                    WAIT,
                    retries());
        }
    }

    private boolean hasDefault() throws SQLException {
        return defaultPartition() != null;
    }

    private String defaultPartition() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.partdefid::regclass::text FROM pg_partitioned_table d"
                        + " WHERE d.partrelid = " + literal(parent) + "::regclass AND d.partdefid <> 0")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void inTransaction(List<String> statements) throws SQLException {
        ddl.retrying(policy, retries(), () -> {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + policy.lockTimeout().toMillis() + "ms'");
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private LockSafeDdl.RetryListener retries() {
        return (attempt, of, wait, e) -> log.accept("lock timeout on " + parent + " (try " + attempt + " of " + of
                + "); everything of the step rolled back, trying again in " + wait.toMillis() + " ms");
    }
}
