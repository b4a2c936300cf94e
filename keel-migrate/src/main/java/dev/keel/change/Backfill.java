package dev.keel.change;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.connect.Cancellation;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Converts the existing rows of a table for a change: walks the table by its key in ranges, each batch one short
 * transaction that fills the new columns of its rows and records the last key reached, so a crashed run resumes after
 * the last committed batch. Batches are sized by time and paced by a duty cycle (see {@link BatchSizer} and {@link
 * BatchPacing}); waits while a replica lags beyond the ceiling.
 */
public final class Backfill {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final Duration REPLICAS_EVERY = Duration.ofSeconds(1);

    private final Connection connection;
    private final ChangeExecutor executor;
    private final ChangeSettings settings;
    private final ChangeState state;
    private final MigrationListener listener;
    private final Cancellation cancellation;

    public Backfill(
            Connection connection,
            ChangeExecutor executor,
            ChangeSettings settings,
            ChangeState state,
            MigrationListener listener,
            Cancellation cancellation) {
        this.connection = connection;
        this.executor = executor;
        this.settings = settings;
        this.state = state;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    public void run(String version, Action.Backfill target) throws SQLException {
        BackfillStatements sql = new BackfillStatements(target);
        String table = sql.table();
        connection.setAutoCommit(true);
        state.startBackfill(connection, version, target.table(), estimate(table));
        ChangeState.Progress progress = state.progress(connection, version).stream()
                .filter(p -> p.table().equals(target.table()))
                .findFirst()
                .orElseThrow();
        if (progress.done()) {
            return;
        }
        if (progress.lastKey() != null) {
            listener.info("backfill of " + target.table() + " resumes after key "
                    + String.join(", ", progress.lastKey()) + " (" + progress.rowsDone() + " rows done)");
        }
        boolean direct = direct(target, sql);
        String compression = BackfillWalCompression.enable(connection);
        if (compression != null) {
            listener.info("backfill of " + target.table() + " compresses its page images in the WAL ("
                    + (compression.equals("on") ? "pglz" : compression) + ")");
        }
        try {
            fill(version, target, sql, progress, direct);
        } finally {
            if (compression != null) {
                BackfillWalCompression.reset(connection);
            }
        }
    }

    private void fill(
            String version,
            Action.Backfill target,
            BackfillStatements sql,
            ChangeState.Progress progress,
            boolean direct)
            throws SQLException {
        List<String> lastKey = progress.lastKey();
        long done = progress.rowsDone();
        BatchSizer sizer = new BatchSizer(settings.batchSize(), settings.batchTime());
        BatchPacing pacing = BatchPacing.of(settings);
        long startNanos = System.nanoTime();
        long doneAtStart = done;
        long lastReport = 0;
        long lastReplicaCheck = 0;
        while (true) {
            if (cancellation.isCancelled()) {
                throw new KeelException(
                        CoreError.INTERRUPTED,
                        "interrupted by " + cancellation.reason() + " during the backfill of " + target.table()
                                + "; every batch before it is kept",
                        "run the same command again: the backfill resumes after the last batch");
            }
            if (System.nanoTime() - lastReplicaCheck > REPLICAS_EVERY.toNanos()) {
                waitForReplicas();
                lastReplicaCheck = System.nanoTime();
            }
            List<String> from = lastKey;
            int size = sizer.size();
            Batch batch = executor.ddl()
                    .retrying(
                            executor.policy(),
                            (attempt, of, wait, e) -> listener.info("backfill batch of " + target.table()
                                    + " waited for a lock; try " + attempt + " of " + of),
                            () -> batch(version, target, sql, from, size, direct));
            done += batch.rows();
            if (batch.lastKey() != null) {
                lastKey = batch.lastKey();
            }
            sizer.took(batch.last() ? 0 : size, batch.nanos());
            long now = System.nanoTime();
            if (batch.last() || now - lastReport > PROGRESS_EVERY.toNanos()) {
                lastReport = now;
                report(target.table(), done, doneAtStart, progress.rowsTotal(), now - startNanos, batch.last());
            }
            if (batch.last()) {
                return;
            }
            Duration pause = pacing.after(batch.nanos());
            if (!pause.isZero() && !cancellation.pause(pause)) {
                continue;
            }
        }
    }

    /**
     * Whether batches set the new columns themselves, the trigger skipping their rows: a third less work per row. Only
     * where that writes what the trigger would — no other trigger may change a row before keel's, and the fills must
     * compile as assignments (PL/pgSQL would fall back to a text conversion where SQL has no assignment cast).
     */
    private boolean direct(Action.Backfill target, BackfillStatements sql) throws SQLException {
        if (target.fills().isEmpty()) {
            return false;
        }
        if (target.writesFills()) {
            return true;
        }
        try (PreparedStatement s = connection.prepareStatement(sql.otherBeforeUpdateTriggers())) {
            s.setString(1, sql.table());
            s.setString(2, ShadowNames.trigger(target.table()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    listener.info("backfill of " + target.table() + " goes through the dual-write trigger: the table"
                            + " has other triggers that run before an update");
                    return false;
                }
            }
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL search_path = " + quote(target.schema()));
            s.execute(sql.probe());
            listener.info("backfill of " + target.table() + " sets the new columns itself; the dual-write trigger"
                    + " skips its rows");
            return true;
        } catch (SQLException e) {
            listener.info("backfill of " + target.table() + " goes through the dual-write trigger: its up expressions"
                    + " do not compile as an UPDATE (" + e.getMessage() + ")");
            return false;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private record Batch(long rows, List<String> lastKey, boolean last, long nanos) {}

    private Batch batch(
            String version, Action.Backfill target, BackfillStatements sql, List<String> from, int size, boolean direct)
            throws SQLException {
        long begin = System.nanoTime();
        connection.setAutoCommit(false);
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true),"
                + " set_config('search_path', ?, true), set_config('synchronous_commit', 'off', true),"
                + " set_config(?, ?, true)")) {
            set.setString(1, settings.lockTimeout().toMillis() + "ms");
            // The trigger converts old-shape rows for any session not on the new version's schema: make sure this
            // one is not, whatever search_path keel was given. The up expressions resolve names the same way.
            set.setString(2, quote(target.schema()));
            set.setString(3, DualWriteTrigger.SKIP_SETTING);
            set.setString(4, direct ? DualWriteTrigger.SKIP_VALUE : "");
            // synchronous_commit off: a batch and its progress row commit together, so a crash that loses the last
            // batches' commits loses their progress with them, and the next run redoes exactly those batches. The
            // commit that ends the backfill (the change's phase) is synchronous and flushes every batch before it.
            set.execute();
            List<String> to = upperBound(sql, from, size);
            long rows;
            try (PreparedStatement u = connection.prepareStatement(sql.update(direct, from != null, to != null))) {
                plannedEachTime(u);
                int p = 1;
                for (List<String> values : Arrays.asList(from, to)) {
                    if (values != null) {
                        for (String value : values) {
                            u.setString(p++, value);
                        }
                    }
                }
                rows = u.executeUpdate();
            }
            boolean finished = to == null;
            state.recordBatch(connection, version, target.table(), to, rows, finished);
            connection.commit();
            return new Batch(rows, to, finished, System.nanoTime() - begin);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The key closing a range of {@code size} rows after {@code from}; null when fewer are left (the last batch). */
    private List<String> upperBound(BackfillStatements sql, List<String> from, int size) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql.upperBound(from != null))) {
            plannedEachTime(s);
            int p = 1;
            if (from != null) {
                for (String value : from) {
                    s.setString(p++, value);
                }
            }
            s.setInt(p, size - 1);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= sql.key().size(); i++) {
                    key.add(rs.getString(i));
                }
                return key;
            }
        }
    }

    /**
     * Plans the statement with its values every time. From its sixth run the driver would prepare it once, and the
     * server's generic plan cannot know that a range is small: it chose a sequential scan and a sort, and every batch
     * took a second whatever its size.
     */
    private static void plannedEachTime(PreparedStatement s) throws SQLException {
        if (s.isWrapperFor(PGStatement.class)) {
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private long estimate(String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = ?::regclass")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long estimate = rs.getLong(1);
                if (estimate > 0) {
                    return estimate;
                }
            }
        }
        // Never analysed: a count is exact, and a table without statistics is seldom large.
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void waitForReplicas() throws SQLException {
        while (true) {
            double lag;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0)" + " FROM pg_stat_replication")) {
                rs.next();
                lag = rs.getDouble(1);
            }
            if (lag * 1000 <= settings.maxReplicaLag().toMillis()) {
                return;
            }
            listener.info(String.format(
                    "backfill paused: a replica is %.1f s behind (changes.maxReplicaLag %d s)",
                    lag, settings.maxReplicaLag().toSeconds()));
            if (!cancellation.pause(Duration.ofSeconds(1))) {
                return;
            }
        }
    }

    private void report(String table, long done, long doneAtStart, long total, long nanos, boolean last) {
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? (done - doneAtStart) / seconds : 0;
        String of = total > 0 ? " of ~" + total + " (" + Math.min(100, done * 100 / Math.max(total, 1)) + "%)" : "";
        String eta =
                !last && rate > 0 && total > done ? ", about " + Math.round((total - done) / rate) + " s left" : "";
        listener.info(String.format(
                "backfill %s: %d rows%s, %.0f rows/s%s%s", table, done, of, rate, eta, last ? ", done" : ""));
    }
}
