package dev.keel.agent.metrics;

import dev.keel.change.ChangeState;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a scrape asks the database, on one kept session: a fixed list of queries, each bounded by the
 * session's statement_timeout and none of them repeated per table, so a scrape costs the same on ten tables as on ten
 * thousand. An unreachable database gives {@code pg_up 0} and nothing else from here; a query that fails on a
 * working session (a timeout, a missing grant) leaves out its own metrics and reports
 * {@code keel_scrape_query_success{query} 0}. Nothing is thrown out of {@link #collect()}.
 */
final class DatabaseCollector implements MultiCollector, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCollector.class);

    private final ConnectionSource source;
    private final ScrapeConnection connection;
    private final ChangeState change;
    private final KeelTables keel;
    private final String streamApplicationName;
    private final MigrationBacklog migrations;
    private final DatabaseSizes sizes;
    private final Clock clock;
    private String server;
    private boolean wasUp = true;

    DatabaseCollector(
            ConnectionSource source,
            ScrapeConnection connection,
            ChangeState change,
            KeelTables keel,
            String streamApplicationName,
            MigrationBacklog migrations,
            DatabaseSizes sizes,
            Clock clock) {
        this.source = source;
        this.connection = connection;
        this.change = change;
        this.keel = keel;
        this.streamApplicationName = streamApplicationName;
        this.migrations = migrations;
        this.sizes = sizes;
        this.clock = clock;
    }

    @Override
    public synchronized MetricSnapshots collect() {
        long start = System.nanoTime();
        List<Family> families = new ArrayList<>();
        Family up = Family.gauge(
                "pg_up",
                "Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).");
        families.add(up);
        try {
            boolean reached = scrape(families);
            up.add(reached ? 1 : 0);
        } catch (RuntimeException e) {
            // A bug here must not take /metrics down with it: the scrape reports the database as unreached.
            LOG.warn("the metrics scrape failed: {}", e.toString());
            families.clear();
            families.add(up.add(0));
        }
        families.add(Family.gauge("keel_scrape_duration_seconds", "How long the last scrape of the database took")
                .add((System.nanoTime() - start) / 1e9));
        return new MetricSnapshots(Family.snapshots(families));
    }

    /** Reads every metric into {@code families}; false when the database could not be reached. */
    private boolean scrape(List<Family> families) {
        for (int attempt = 0; attempt < 2; attempt++) {
            // A kept session may have died with a server restart since the last scrape: one new session is tried
            // before the database counts as down.
            boolean kept = connection.isOpen();
            List<Family> read = new ArrayList<>();
            try {
                Connection c = connection.get();
                readAll(c, read);
                families.addAll(read);
                noteReachable(true, null);
                return true;
            } catch (SQLException | KeelException e) {
                connection.reset();
                if (!kept) {
                    noteReachable(false, e);
                    return false;
                }
            }
        }
        noteReachable(false, null);
        return false;
    }

    private void readAll(Connection c, List<Family> out) throws SQLException {
        if (server == null) {
            server = ServerLabel.of(source.describe());
        }
        ScrapeConnection.Server facts = connection.server();
        Family success =
                Family.gauge("keel_scrape_query_success", "1 when the query ran on the last scrape, 0 when it failed");
        out.add(Family.untyped("pg_static", "Version string as reported by postgres")
                .add(
                        Labels.of("server", server, "short_version", facts.shortVersion(), "version", facts.version()),
                        1));
        ServerState state =
                run(c, "server_state", success, () -> ServerState.read(c, change, keel, streamApplicationName));
        if (state != null) {
            out.addAll(state.families());
        }
        addAll(out, run(c, "stat_database", success, () -> StatDatabase.read(c, server)));
        addAll(out, run(c, "stat_activity", success, () -> StatActivity.read(c, server)));
        addAll(
                out,
                run(c, "replication_slots", success, () -> ReplicationSlots.read(c, server, facts.versionNumber())));
        String replicas = state != null && state.replicas() ? keel.replicas() : null;
        addAll(out, run(c, "replicas", success, () -> ReplicaGauges.read(c, replicas, streamApplicationName)));
        addAll(out, run(c, "database_size", success, () -> sizes.read(c, server, clock.instant())));
        if (state != null) {
            addAll(out, run(c, "active_change", success, () -> ActiveChange.read(c, change, state.changeTables())));
            // Registries keel never created here are not asked about: their metrics are absent, not zero.
            if (state.projections()) {
                addAll(out, run(c, "projections", success, () -> ProjectionGauges.read(c, keel.projections())));
            }
            if (state.partitionSets()) {
                addAll(out, run(c, "partition_sets", success, () -> PartitionGauges.read(c, keel.partitionSets())));
            }
        }
        addAll(out, run(c, "migrations", success, () -> migrations.read(c, clock.instant())));
        out.add(success);
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /** Runs one query; a failure of the session itself is thrown, any other failure leaves this query's metrics out. */
    private static <T> T run(Connection c, String name, Family success, Query<T> query) throws SQLException {
        try {
            T result = query.run();
            success.add(Labels.of("query", name), 1);
            return result;
        } catch (SQLException e) {
            if (broken(c, e)) {
                throw e;
            }
            LOG.debug("metrics query {} failed: {}", name, e.getMessage());
            success.add(Labels.of("query", name), 0);
            return null;
        }
    }

    private static boolean broken(Connection c, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException again) {
            return true;
        }
    }

    private static void addAll(List<Family> out, List<Family> families) {
        if (families != null) {
            out.addAll(families);
        }
    }

    /** One line when the database goes away or comes back, not one per scrape. */
    private void noteReachable(boolean up, Exception cause) {
        if (up != wasUp) {
            if (up) {
                LOG.info("metrics: the database is reachable again");
            } else {
                LOG.warn(
                        "metrics: the database is unreachable, pg_up is 0: {}",
                        cause == null ? "" : cause.getMessage());
            }
            wasUp = up;
        }
    }

    @Override
    public synchronized void close() {
        connection.close();
    }
}
