package dev.keel.testing.live;

import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples pg_locks from its own connection while the load runs, and keeps the longest wait seen for
 * each lock an application session waited for. A sample sees a wait while it lasts, so a reported
 * wait is at most one sampling interval shorter than the real one, never longer.
 */
final class LockWaitMonitor {
    private final String url;
    private final String applicationPattern;
    private final Duration interval;
    private final RunLog log;
    private final Map<String, LockWait> longestByWait = new HashMap<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long samples;
    private volatile String error;

    LockWaitMonitor(String url, String applicationPrefix, Duration interval, RunLog log) {
        this.url = url;
        this.applicationPattern = applicationPrefix.replace("_", "\\_") + "%";
        this.interval = interval;
        this.log = log;
        this.thread = new Thread(this::run, applicationPrefix + "monitor");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long samples() {
        return samples;
    }

    /** Why the monitor stopped sampling early, or null. */
    String error() {
        return error;
    }

    /** Stops sampling (waiting at most a few intervals) and returns the longest waits, longest first. */
    List<LockWait> stop() {
        stopping = true;
        try {
            thread.join(Math.max(1000, interval.toMillis() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (longestByWait) {
            List<LockWait> waits = new ArrayList<>(longestByWait.values());
            waits.sort(Comparator.comparing(LockWait::waited).reversed());
            return List.copyOf(waits);
        }
    }

    private void run() {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(SqlResources.load(LockWaitMonitor.class, "lock-waits.sql"))) {
            s.setString(1, applicationPattern);
            while (!stopping) {
                sample(s);
                samples++;
                Thread.sleep(interval.toMillis());
            }
        } catch (SQLException e) {
            error = e.getSQLState() + " " + RunLog.firstLine(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample(PreparedStatement s) throws SQLException {
        String step = log.step();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                LockWait wait = new LockWait(
                        rs.getString("application_name"),
                        rs.getInt("pid"),
                        rs.getString("locktype"),
                        rs.getString("mode"),
                        rs.getString("relation"),
                        Duration.ofNanos(rs.getLong("waited_us") * 1000),
                        pids(rs.getString("blocked_by")),
                        rs.getString("query"),
                        step);
                // One wait is one session waiting for one lock from one moment on: it keeps its key while it lasts.
                String key =
                        wait.pid() + "/" + rs.getString("wait_started") + "/" + wait.mode() + "/" + wait.relation();
                synchronized (longestByWait) {
                    LockWait before = longestByWait.get(key);
                    if (before == null || wait.waited().compareTo(before.waited()) > 0) {
                        longestByWait.put(key, before == null ? wait : withFirstStep(wait, before));
                    }
                }
            }
        }
    }

    /** A wait is named after the step it began in, which is the step that caused it. */
    private static LockWait withFirstStep(LockWait wait, LockWait before) {
        return new LockWait(
                wait.application(),
                wait.pid(),
                wait.lockType(),
                wait.mode(),
                wait.relation(),
                wait.waited(),
                wait.blockedBy(),
                wait.query(),
                before.step());
    }

    static List<Integer> pids(String array) {
        String inner =
                array == null ? "" : array.replace("{", "").replace("}", "").strip();
        List<Integer> pids = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String pid : inner.split(",")) {
                pids.add(Integer.parseInt(pid.strip()));
            }
        }
        return List.copyOf(pids);
    }
}
