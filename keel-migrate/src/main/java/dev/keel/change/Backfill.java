package dev.keel.change;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.connect.Cancellation;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationListener;
import dev.keel.sql.Identifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Converts the existing rows of a table for a change: walks the table by its key in batches, each batch one short
 * transaction that touches its rows (the dual-write trigger fills the new columns) and records the last key reached,
 * so a crashed run resumes after the last committed batch. Waits while a replica lags beyond the ceiling.
 */
public final class Backfill {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

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
        String table = Identifiers.qualified(target.schema(), target.table());
        connection.setAutoCommit(true);
        state.startBackfill(connection, version, target.table(), estimate(table));
        ChangeState.Progress progress = state.progress(connection, version).stream()
                .filter(p -> p.table().equals(target.table()))
                .findFirst()
                .orElseThrow();
        if (progress.done()) {
            return;
        }
        List<String> lastKey = progress.lastKey();
        long done = progress.rowsDone();
        if (lastKey != null) {
            listener.info("backfill of " + target.table() + " resumes after key " + String.join(", ", lastKey) + " ("
                    + done + " rows done)");
        }
        long startNanos = System.nanoTime();
        long doneAtStart = done;
        long lastReport = 0;
        while (true) {
            if (cancellation.isCancelled()) {
                throw new KeelException(
                        CoreError.INTERRUPTED,
                        "interrupted by " + cancellation.reason() + " during the backfill of " + target.table()
                                + "; every batch before it is kept",
                        "run the same command again: the backfill resumes after the last batch");
            }
            waitForReplicas();
            List<String> from = lastKey;
            Batch batch = executor.ddl()
                    .retrying(
                            executor.policy(),
                            (attempt, of, wait, e) -> listener.info("backfill batch of " + target.table()
                                    + " waited for a lock; try " + attempt + " of " + of),
                            () -> batch(version, target, table, from));
            done += batch.rows();
            if (batch.lastKey() != null) {
                lastKey = batch.lastKey();
            }
            long now = System.nanoTime();
            if (batch.last() || now - lastReport > PROGRESS_EVERY.toNanos()) {
                lastReport = now;
                report(target.table(), done, doneAtStart, progress.rowsTotal(), now - startNanos, batch.last());
            }
            if (batch.last()) {
                return;
            }
            if (!settings.batchPause().isZero() && !cancellation.pause(settings.batchPause())) {
                continue;
            }
        }
    }

    private record Batch(long rows, List<String> lastKey, boolean last) {}

    private Batch batch(String version, Action.Backfill target, String table, List<String> from) throws SQLException {
        List<String> key = target.key();
        String cols = key.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String bound = IntStream.range(0, key.size())
                .mapToObj(i -> "?::" + target.keyTypes().get(i))
                .collect(Collectors.joining(", "));
        String desc = key.stream().map(k -> quote(k) + " DESC").collect(Collectors.joining(", "));
        String lastKey = key.stream().map(k -> quote(k) + "::text").collect(Collectors.joining(", "));
        String match =
                key.stream().map(k -> "t." + quote(k) + " = b." + quote(k)).collect(Collectors.joining(" AND "));
        String sql = "WITH b AS (SELECT " + cols + " FROM " + table
                + (from == null ? "" : " WHERE (" + cols + ") > (" + bound + ")") + " ORDER BY " + cols + " LIMIT ?),"
                + " u AS (UPDATE " + table + " t SET " + quote(key.get(0)) + " = t." + quote(key.get(0))
                + " FROM b WHERE "
                + match + " RETURNING 1)"
                + " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM b),"
                + " (SELECT ARRAY[" + lastKey + "] FROM b ORDER BY " + desc + " LIMIT 1)";
        connection.setAutoCommit(false);
        try (Statement set = connection.createStatement();
                PreparedStatement s = connection.prepareStatement(sql)) {
            set.execute("SET LOCAL lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
            // The trigger converts old-shape rows for any session not on the new version's schema: make sure this
            // one is not, whatever search_path keel was given.
            set.execute("SET LOCAL search_path = " + Identifiers.quote(target.schema()));
            int p = 1;
            if (from != null) {
                for (String value : from) {
                    s.setString(p++, value);
                }
            }
            s.setInt(p, settings.batchSize());
            long rows;
            long selected;
            List<String> last = null;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                selected = rs.getLong(2);
                Array a = rs.getArray(3);
                if (a != null) {
                    last = Arrays.asList((String[]) a.getArray());
                }
            }
            boolean finished = selected < settings.batchSize();
            state.recordBatch(connection, version, target.table(), last, rows, finished);
            connection.commit();
            return new Batch(rows, last, finished);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
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
