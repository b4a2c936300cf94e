package dev.keel.ddl;

import dev.keel.connect.ConnectionSource;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches, from a second session, who blocks a session while its statement waits for a lock. The
 * blockers must be seen during the wait: once lock_timeout fires, pg_blocking_pids is empty.
 *
 * <p>An autovacuum worker among them is cancelled. PostgreSQL cancels one itself for a session that
 * has waited deadlock_timeout (1 s), but keel's lock_timeout is shorter, so an autovacuum of a large
 * table (as a backfill's dead rows start) outlasted every try of a change's DDL. Needs the right to
 * signal it (a superuser); without it the sample only names it.
 */
public final class BlockerProbe implements AutoCloseable {
    private final Connection monitor;
    private final int watchedPid;
    private final ScheduledExecutorService timer;
    private volatile List<Blocker> lastSeen = List.of();
    private ScheduledFuture<?> task;

    public BlockerProbe(ConnectionSource source, int watchedPid) {
        this.monitor = source.open();
        this.watchedPid = watchedPid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-blocker-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void watch() {
        if (task == null) {
            task = timer.scheduleWithFixedDelay(this::sample, 50, 100, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void pause() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** The blockers of the latest sample that found any; they stay named after the wait ended. */
    public List<Blocker> lastSeen() {
        return lastSeen;
    }

    private void sample() {
        List<Blocker> blockers = new ArrayList<>();
        try (PreparedStatement s = monitor.prepareStatement(SqlResources.load(BlockerProbe.class, "blockers.sql"))) {
            s.setInt(1, watchedPid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blockers.add(new Blocker(
                            rs.getInt("pid"),
                            rs.getString("application"),
                            rs.getString("state"),
                            rs.getLong("age_s"),
                            rs.getString("query")));
                }
            }
        } catch (SQLException e) {
            return;
        }
        if (!blockers.isEmpty()) {
            lastSeen = List.copyOf(blockers);
            if (blockers.stream().anyMatch(b -> b.query().startsWith("autovacuum:"))) {
                cancelAutovacuum();
            }
        }
    }

    private void cancelAutovacuum() {
        try (PreparedStatement s =
                monitor.prepareStatement(SqlResources.load(BlockerProbe.class, "cancel-autovacuum.sql"))) {
            s.setInt(1, watchedPid);
            s.execute();
        } catch (SQLException e) {
            // Not allowed to signal it: the wait goes on, and the failure names the worker.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            monitor.close();
        } catch (SQLException e) {
            // the monitor session is only informative
        }
    }
}
