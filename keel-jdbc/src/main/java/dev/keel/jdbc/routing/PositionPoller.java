package dev.keel.jdbc.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the router's view fresh: every interval it reads the primary's WAL position and each replica's
 * replay position (one short query each, on a connection borrowed from that target's pool), and now and
 * then lets the write positions forget what every replica has passed. Each target polls on a thread of
 * its own, so a replica that hangs (a pool waiting for a dead server) delays nobody else.
 */
final class PositionPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PositionPoller.class);
    private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn";
    private static final String REPLICA_POSITION =
            "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn";
    private static final long FORGET_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final AtomicInteger POLLERS = new AtomicInteger();

    private final DataSource primary;
    private final List<ReplicaState> replicas;
    private final WritePositions positions;
    private final long intervalMillis;
    private final LsnHistory history;
    private final ScheduledExecutorService executor;
    private volatile long lastForgetNanos = System.nanoTime();

    PositionPoller(
            DataSource primary,
            List<ReplicaState> replicas,
            WritePositions positions,
            Duration interval,
            Duration maxLag) {
        this.primary = primary;
        this.replicas = replicas;
        this.positions = positions;
        this.intervalMillis = interval.toMillis();
        // Enough moves of the primary to measure a lag of twice the ceiling when it moves at every poll.
        long samples = 2 * maxLag.toMillis() / intervalMillis + 16;
        this.history = new LsnHistory((int) Math.min(samples, 100_000));
        this.executor = Executors.newScheduledThreadPool(replicas.size() + 1, daemonThreads());
    }

    void start() {
        if (replicas.isEmpty()) {
            return;
        }
        executor.scheduleWithFixedDelay(this::pollPrimary, 0, intervalMillis, TimeUnit.MILLISECONDS);
        for (ReplicaState replica : replicas) {
            executor.scheduleWithFixedDelay(() -> pollReplica(replica), 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void pollPrimary() {
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PRIMARY_POSITION)) {
            rs.next();
            history.add(System.nanoTime(), rs.getLong(1));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cannot read the primary's WAL position: {}", e.getMessage());
        }
        forgetPassedPositions();
    }

    private void pollReplica(ReplicaState replica) {
        long now = System.nanoTime();
        if (!replica.dueForPoll(now)) {
            return;
        }
        boolean wasUp = replica.up();
        try (Connection c = replica.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(REPLICA_POSITION)) {
            rs.next();
            boolean inRecovery = rs.getBoolean(1);
            long replay = rs.getLong(2);
            boolean noReplay = rs.wasNull();
            long at = System.nanoTime();
            if (!inRecovery || noReplay) {
                if (wasUp) {
                    LOG.warn("replica {} is no longer a standby in recovery: it serves no reads", replica.name());
                }
                replica.notInRecovery(at);
                return;
            }
            long primaryLsn = history.latest();
            long bytes = primaryLsn < 0 ? 0 : Math.max(0, primaryLsn - replay);
            replica.polled(replay, bytes, history.lagNanos(replay, at), at);
            if (!wasUp) {
                LOG.info("replica {} serves reads (replayed up to {})", replica.name(), Lsn.format(replay));
            }
        } catch (SQLException | RuntimeException e) {
            replica.failed(System.nanoTime());
            if (wasUp) {
                LOG.warn(
                        "replica {} failed and serves no reads until it answers again: {}",
                        replica.name(),
                        e.getMessage());
            }
        }
    }

    /**
     * Positions every replica in rotation has replayed are no longer needed; the positions store keeps
     * answering at least this floor for every key, so a replica that comes back behind it is not used early.
     */
    private void forgetPassedPositions() {
        long now = System.nanoTime();
        if (now - lastForgetNanos < FORGET_EVERY_NANOS) {
            return;
        }
        lastForgetNanos = now;
        long min = Long.MAX_VALUE;
        for (ReplicaState r : replicas) {
            long replay = r.replayLsn();
            if (r.up() && replay != ReplicaState.UNKNOWN) {
                min = Math.min(min, replay);
            }
        }
        if (min == Long.MAX_VALUE) {
            return;
        }
        try {
            positions.forgetUpTo(min);
        } catch (RuntimeException e) {
            LOG.debug("cannot prune write positions: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        int id = POLLERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "keel-routing-poll-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
