package dev.keel.jdbc.routing;

import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * What the router knows of one replica: the replay position and lag of its last successful poll, and
 * whether it is ejected after a failure (and when to try it again). Written by the poller and by
 * connections that fail on it; read on every routed read, so the fields are plain volatiles.
 */
final class ReplicaState {
    static final long UNKNOWN = -1;

    private final String name;
    private final DataSource dataSource;
    private final long firstBackoffNanos;
    private final long maxBackoffNanos;
    private volatile boolean up;
    private volatile long replayLsn = UNKNOWN;
    private volatile long lagBytes;
    private volatile long lagNanos;
    private volatile long polledAtNanos;
    private volatile long retryAtNanos;
    private int failures;

    ReplicaState(String name, DataSource dataSource, Duration firstBackoff, Duration maxBackoff) {
        this.name = name;
        this.dataSource = dataSource;
        this.firstBackoffNanos = firstBackoff.toNanos();
        this.maxBackoffNanos = maxBackoff.toNanos();
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    boolean up() {
        return up;
    }

    long replayLsn() {
        return replayLsn;
    }

    /**
     * The lag now: the lag at the last poll plus the time since, so a replica whose polls stall (a stuck
     * poller, a hung connection) soon counts as lagging rather than keeping its last good figure.
     */
    long lagNanos(long now) {
        return lagNanos + Math.max(0, now - polledAtNanos);
    }

    long lagBytes() {
        return lagBytes;
    }

    /** Whether the poller should try this replica now (always when up; after the backoff when ejected). */
    synchronized boolean dueForPoll(long now) {
        return up || failures == 0 || now - retryAtNanos >= 0;
    }

    synchronized void polled(long replay, long bytesBehind, long nanosBehind, long now) {
        // A replay position only moves forward within one server's life; after a crash it may restart
        // lower, and the fresh figure is the true one, so it replaces rather than maxes the old.
        replayLsn = replay;
        lagBytes = bytesBehind;
        lagNanos = nanosBehind;
        polledAtNanos = now;
        failures = 0;
        up = true;
    }

    /** Takes the replica out of rotation until a poll succeeds, no sooner than the backoff. */
    synchronized void failed(long now) {
        up = false;
        replayLsn = UNKNOWN;
        long backoff = firstBackoffNanos << Math.min(failures, 20);
        retryAtNanos = now + Math.min(backoff, maxBackoffNanos);
        failures++;
    }

    /** Up but not a standby (promoted, or pointed at a primary by mistake): no reads, no backoff. */
    synchronized void notInRecovery(long now) {
        up = false;
        replayLsn = UNKNOWN;
        polledAtNanos = now;
    }

    ReplicaStatus status() {
        long replay = replayLsn;
        return new ReplicaStatus(
                name,
                up,
                replay == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(replay),
                lagBytes,
                up ? lagNanos(System.nanoTime()) / 1e9 : Double.NaN);
    }
}
