package dev.keel.jdbc.routing;

import static dev.keel.jdbc.routing.ReplicaFixture.PATIENCE;
import static dev.keel.jdbc.routing.ReplicaFixture.awaitReplicaUp;
import static dev.keel.jdbc.routing.ReplicaFixture.createAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

/**
 * The connection and statements a RoutingDataSource hands out, on a real primary and standby: settings
 * made before the connection is routed reach the server connection it takes, and a statement of a read
 * whose replica connection died before it ran anything runs on the primary with what was set on it,
 * whether plain, prepared or callable.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingConnectionIT {
    private final TestCluster primary;
    private String db;
    private TestCluster standby;
    private HikariDataSource primaryPool;
    private HikariDataSource replicaPool;
    private RoutingDataSource ds;

    RoutingConnectionIT(TestCluster primary) {
        this.primary = primary;
    }

    @BeforeAll
    void start() {
        db = primary.createDatabase();
        createAccounts(primary, db, 3);
        primary.execute(db, "CREATE SCHEMA app_v2");
        standby = primary.startStandby();
        primaryPool = ReplicaFixture.pool(primary, db, 4);
        replicaPool = ReplicaFixture.pool(standby, db, 4);
        ds = RoutingDataSource.builder()
                .primary(primaryPool)
                .replica("r1", replicaPool)
                .build();
        awaitReplicaUp(ds);
        Eventually.await(
                PATIENCE,
                "the standby replays the schema",
                () -> "app_v2"
                        .equals(standby.queryString(db, "SELECT nspname FROM pg_namespace WHERE nspname = 'app_v2'")));
    }

    @AfterAll
    void stop() {
        ds.close();
        replicaPool.close();
        primaryPool.close();
        standby.close();
    }

    @Test
    void settingsMadeBeforeTheFirstStatementReachTheServerConnection() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setSchema("app_v2");
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setClientInfo("ApplicationName", "routing-it");
            c.setReadOnly(true);
            assertThat(c.toString()).contains("not yet routed");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), current_schema(),"
                            + " current_setting('transaction_isolation'), current_setting('application_name')")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("on the replica").isTrue();
                assertThat(rs.getString(2)).isEqualTo("app_v2");
                assertThat(rs.getString(3)).isEqualTo("repeatable read");
                assertThat(rs.getString(4)).isEqualTo("routing-it");
            }
            c.commit();
            assertThat(c.getSchema()).isEqualTo("app_v2");
            assertThat(c.unwrap(RoutingConnection.class)).isSameAs(c);
            assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
        }
    }

    @Test
    void aClosedConnectionRefusesWorkWithTheStateOfAClosedConnection() throws SQLException {
        Connection c = ds.getConnection();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(1)).isFalse();
        assertThatThrownBy(() -> c.prepareStatement("SELECT 1"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
    }

    @Test
    void aPreparedStatementWhoseReplicaConnectionDiedRunsOnThePrimaryWithItsParameters() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::int + 1, pg_is_in_recovery()")) {
                assertThat(ps.getConnection()).isSameAs(c);
                ps.setInt(1, 41);
                ps.setFetchSize(10);
                terminateServerConnection(c);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                    assertThat(rs.getBoolean(2)).as("still in recovery").isFalse();
                }
                assertThat(ps.getFetchSize()).isEqualTo(10);
            }
        }
        awaitReplicaUp(ds);
    }

    @Test
    void aPlainStatementWhoseReplicaConnectionDiedRunsOnThePrimary() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.setMaxRows(1);
                terminateServerConnection(c);
                try (ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery() FROM generate_series(1, 3)")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).isFalse();
                    assertThat(rs.next()).as("maxRows replayed on the primary").isFalse();
                }
            }
        }
        awaitReplicaUp(ds);
    }

    @Test
    void aCallableStatementWhoseReplicaConnectionDiedRunsOnThePrimaryWithItsParameters() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            try (CallableStatement call = c.prepareCall("{? = call abs(?)}")) {
                call.registerOutParameter(1, Types.INTEGER);
                call.setInt(2, -5);
                terminateServerConnection(c);
                call.execute();
                assertThat(call.getInt(1)).isEqualTo(5);
                assertThat(call.getConnection()).isSameAs(c);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1))
                        .as("the rest of the read stays on the primary")
                        .isFalse();
            }
        }
        awaitReplicaUp(ds);
    }

    @Test
    void aStatementWhoseFirstExecutionFailsOnTheReplicaForAnotherReasonFailsThere() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 / ?::int")) {
                ps.setInt(1, 0);
                assertThatThrownBy(ps::executeQuery)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            }
        }
    }

    /** Ends the replica backend behind {@code c} from another session, the way a replica restart would. */
    private void terminateServerConnection(Connection c) throws SQLException {
        int pid = c.unwrap(PGConnection.class).getBackendPID();
        assertThat(standby.queryString(db, "SELECT pg_terminate_backend(" + pid + ")"))
                .isEqualTo("t");
        Eventually.await(
                PATIENCE,
                "backend " + pid + " ends",
                () -> standby.queryString(db, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)
                        .equals("0"));
    }
}
