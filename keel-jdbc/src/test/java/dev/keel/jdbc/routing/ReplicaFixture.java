package dev.keel.jdbc.routing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** What the routing tests share: pools as applications have them, standby settings, routed reads. */
final class ReplicaFixture {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private ReplicaFixture() {}

    /** A small pool that does not fail to start when its server is down, and gives up on a dead one quickly. */
    static HikariDataSource pool(TestCluster cluster, String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl(database));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(500);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        config.setPoolName("pool-" + cluster.port());
        return new HikariDataSource(config);
    }

    /** Sets recovery_min_apply_delay on a standby (0 removes it) and waits until the server uses it. */
    static void applyDelay(TestCluster standby, int millis) {
        standby.execute("postgres", "ALTER SYSTEM SET recovery_min_apply_delay = " + millis);
        standby.execute("postgres", "SELECT pg_reload_conf()");
        Eventually.await(
                PATIENCE,
                "the standby to apply recovery_min_apply_delay = " + millis + " ms",
                () -> standby.queryString(
                        "postgres", "SELECT setting FROM pg_settings WHERE name = 'recovery_min_apply_delay'"),
                String.valueOf(millis)::equals);
    }

    static void awaitReplicaUp(RoutingDataSource ds) {
        Eventually.await(
                PATIENCE,
                "the router to see every replica up",
                ds::replicaStatus,
                statuses -> statuses.stream().allMatch(ReplicaStatus::up));
    }

    /** Waits until the router has seen every replica replay at least {@code lsn}. */
    static void awaitReplayed(RoutingDataSource ds, long lsn) {
        Eventually.await(
                PATIENCE,
                "the router to see every replica replay up to " + Lsn.format(lsn),
                ds::replicaStatus,
                statuses -> statuses.stream()
                        .allMatch(s -> s.up()
                                && s.replayLsn().isPresent()
                                && s.replayLsn().getAsLong() >= lsn));
    }

    /** The primary's WAL insert position now. */
    static long primaryPosition(DataSource primary) throws SQLException {
        try (Connection c = primary.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One read-only transaction, shaped as Spring runs one; the value read and where it ran. */
    static Read readVersion(DataSource ds, int id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
            Read read;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT version, pg_is_in_recovery() FROM accounts WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no account " + id);
                    }
                    read = new Read(rs.getLong(1), rs.getBoolean(2));
                }
            }
            c.commit();
            c.setAutoCommit(true);
            c.setReadOnly(false);
            return read;
        }
    }

    /** One write transaction: the account's next version. */
    static long bumpVersion(DataSource ds, int id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long version;
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE accounts SET version = version + 1 WHERE id = ? RETURNING version")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return version;
        }
    }

    static void createAccounts(TestCluster primary, String db, int count) {
        primary.execute(db, "CREATE TABLE accounts (id int PRIMARY KEY, version bigint NOT NULL)");
        primary.execute(db, "INSERT INTO accounts SELECT g, 0 FROM generate_series(1, " + count + ") g");
    }

    record Read(long version, boolean onReplica) {}
}
