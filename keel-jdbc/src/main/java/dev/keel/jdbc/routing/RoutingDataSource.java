package dev.keel.jdbc.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over a primary and its streaming replicas that sends read-only work to a replica and the
 * rest to the primary, without ever showing a key a replica that has not replayed that key's last write.
 *
 * <pre>{@code
 * RoutingDataSource ds = RoutingDataSource.builder()
 *         .primary(primaryPool)
 *         .replica("replica-1", replicaPool)
 *         .maxLag(Duration.ofSeconds(5))
 *         .meterRegistry(registry)
 *         .build();
 * }</pre>
 *
 * <p>A connection picks its target when it is first used: {@code setReadOnly(true)} before the first
 * statement (what a read-only Spring transaction does) sends it to a replica that is up, lags less than
 * {@code maxLag} and has replayed the current key's last write, and to the primary when none has. When a
 * write connection commits (or, in autocommit mode, when it is closed) the primary's WAL insert position
 * is recorded for the key. A replica that fails to connect or fails the first statement of a read is
 * ejected, the read runs on the primary, and the replica is tried again with backoff.
 *
 * <p>Closing it stops its background polling; the pools it routes to stay open (they are the caller's).
 */
public final class RoutingDataSource implements DataSource, AutoCloseable {
    private final DataSource primary;
    private final List<ReplicaState> replicas;
    private final Supplier<String> keySupplier;
    private final WritePositions positions;
    private final ReadRouter router;
    private final RoutingMetrics metrics;
    private final PositionPoller poller;
    private volatile Boolean defaultAutoCommit;

    private RoutingDataSource(Builder b) {
        this.primary = b.primary;
        this.keySupplier = b.keySupplier;
        this.positions = b.positions;
        List<ReplicaState> states = new ArrayList<>();
        b.replicas.forEach((name, ds) -> states.add(new ReplicaState(name, ds, b.ejectBackoff, b.maxEjectBackoff)));
        this.replicas = List.copyOf(states);
        this.metrics = new RoutingMetrics(replicas, b.registry);
        this.router = new ReadRouter(replicas, b.maxLag.toNanos());
        this.poller = new PositionPoller(primary, replicas, positions, b.pollInterval, b.maxLag);
        poller.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code work} on this thread under consistency key {@code key}; see {@link ConsistencyKey}. */
    public static <T> T withKey(String key, Callable<T> work) throws Exception {
        return ConsistencyKey.call(key, work);
    }

    /** A connection that chooses primary or replica when it is first used. */
    @Override
    public Connection getConnection() {
        return RoutingConnection.open(this);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "RoutingDataSource routes between pools that hold their own credentials: call getConnection()");
    }

    /** Each replica as the router last saw it, in the order they were added. */
    public List<ReplicaStatus> replicaStatus() {
        List<ReplicaStatus> result = new ArrayList<>();
        for (ReplicaState r : replicas) {
            result.add(r.status());
        }
        return result;
    }

    /** The consistency key work on this thread runs under now. */
    public String currentKey() {
        String scoped = ConsistencyKey.current();
        return scoped != null ? scoped : keySupplier.get();
    }

    /** The position a replica must have replayed before serving the current key; empty when none. */
    public OptionalLong requiredPosition() {
        return positions.lastWrite(currentKey());
    }

    @Override
    public void close() {
        poller.close();
        metrics.close();
    }

    DataSource primary() {
        return primary;
    }

    WritePositions positions() {
        return positions;
    }

    ReadRouter router() {
        return router;
    }

    RoutingMetrics metrics() {
        return metrics;
    }

    Boolean defaultAutoCommit() {
        return defaultAutoCommit;
    }

    void learnDefaultAutoCommit(boolean autoCommit) {
        if (defaultAutoCommit == null) {
            defaultAutoCommit = autoCommit;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("RoutingDataSource logs through slf4j");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return primary.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || primary.isWrapperFor(iface);
    }

    /** Settings with their defaults; {@link #build()} fails on a missing primary. */
    public static final class Builder {
        private DataSource primary;
        private final Map<String, DataSource> replicas = new LinkedHashMap<>();
        private Duration maxLag = Duration.ofSeconds(10);
        private Supplier<String> keySupplier = ConsistencyKey.perThread();
        private WritePositions positions;
        private MeterRegistry registry;
        private Duration pollInterval = Duration.ofMillis(25);
        private Duration ejectBackoff = Duration.ofMillis(100);
        private Duration maxEjectBackoff = Duration.ofSeconds(5);

        private Builder() {}

        /** Required: where writes, and reads no replica may serve, go. */
        public Builder primary(DataSource primary) {
            this.primary = Objects.requireNonNull(primary, "primary");
            return this;
        }

        /** A replica of the primary; the name tags its metrics. Repeatable; reads spread over them in turn. */
        public Builder replica(String name, DataSource replica) {
            Objects.requireNonNull(name, "replica name");
            Objects.requireNonNull(replica, "replica");
            if (replicas.putIfAbsent(name, replica) != null) {
                throw new IllegalArgumentException("two replicas are named " + name + ": give each its own name");
            }
            if (name.equals("primary")) {
                throw new IllegalArgumentException("a replica cannot be named primary: that is the primary's tag");
            }
            return this;
        }

        /** Replicas whose replay is further behind the primary than this serve no reads. Default 10 s. */
        public Builder maxLag(Duration maxLag) {
            if (maxLag.isNegative() || maxLag.isZero()) {
                throw new IllegalArgumentException("maxLag must be positive, got " + maxLag);
            }
            this.maxLag = maxLag;
            return this;
        }

        /** Whose writes a read must see, when no {@link ConsistencyKey} scope is open. Default: the thread. */
        public Builder consistencyKey(Supplier<String> key) {
            this.keySupplier = Objects.requireNonNull(key, "consistencyKey");
            return this;
        }

        /** Where last-write positions are kept. Default: a new {@link InMemoryWritePositions}. */
        public Builder positions(WritePositions positions) {
            this.positions = Objects.requireNonNull(positions, "positions");
            return this;
        }

        /** Where reads, fallbacks and replica lag are published. Default: nowhere. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /** How often each replica's replay position (and the primary's position) is read. Default 25 ms. */
        public Builder pollInterval(Duration interval) {
            if (interval.toMillis() < 1) {
                throw new IllegalArgumentException("pollInterval must be at least 1 ms, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** After a replica fails it is retried after {@code first}, doubling up to {@code max}. Default 100 ms, 5 s. */
        public Builder ejectBackoff(Duration first, Duration max) {
            if (first.toMillis() < 1 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException(
                        "ejectBackoff needs 1 ms <= first <= max, got " + first + " and " + max);
            }
            this.ejectBackoff = first;
            this.maxEjectBackoff = max;
            return this;
        }

        public RoutingDataSource build() {
            if (primary == null) {
                throw new IllegalStateException("RoutingDataSource needs a primary: call primary(…) before build()");
            }
            if (positions == null) {
                positions = new InMemoryWritePositions();
            }
            return new RoutingDataSource(this);
        }
    }
}
