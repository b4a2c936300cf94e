package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** What the next borrower of a pooled connection finds after a wrapped one was closed, whatever state it was left in. */
@WithPostgres
class ResettingConnectionIT {
    private final TestCluster cluster;
    private String db;
    private OneConnectionPool pool;
    private String sessionDefault;

    ResettingConnectionIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void pool() throws SQLException {
        db = cluster.createDatabase();
        cluster.execute(db, "CREATE SCHEMA v8; CREATE TABLE t (id int)");
        pool = new OneConnectionPool(cluster.connect(db));
        sessionDefault = query(pool.physical(), "SHOW search_path");
    }

    @AfterEach
    void close() throws SQLException {
        pool.close();
    }

    private Connection borrowed() throws SQLException {
        return ResettingConnection.wrap(pool.getConnection());
    }

    @Test
    void closeResetsASearchPathTheBorrowerSet() throws SQLException {
        Connection c = borrowed();
        execute(c, "SET search_path TO v8, public");
        c.close();
        assertThat(query(pool.physical(), "SHOW search_path")).isEqualTo(sessionDefault);
        assertThat(pool.physical().getAutoCommit()).isTrue();
    }

    @Test
    void closeInsideAnOpenTransactionRollsItBackAndStillResets() throws SQLException {
        Connection c = borrowed();
        execute(c, "SET search_path TO v8, public");
        c.setAutoCommit(false);
        execute(c, "INSERT INTO public.t VALUES (1)");
        c.close();
        assertThat(query(pool.physical(), "SHOW search_path")).isEqualTo(sessionDefault);
        assertThat(cluster.queryString(db, "SELECT count(*) FROM t"))
                .as("the unfinished transaction was rolled back, not committed by the reset")
                .isEqualTo("0");
        pool.physical().setAutoCommit(true);
    }

    @Test
    void closeAfterAFailedStatementStillResets() throws SQLException {
        Connection c = borrowed();
        execute(c, "SET search_path TO v8, public");
        c.setAutoCommit(false);
        assertThatThrownBy(() -> execute(c, "SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
        c.close();
        pool.physical().setAutoCommit(true);
        assertThat(query(pool.physical(), "SHOW search_path")).isEqualTo(sessionDefault);
    }

    @Test
    void aSecondCloseDoesNothing() throws SQLException {
        Connection c = borrowed();
        c.close();
        execute(pool.physical(), "SET search_path TO v8");
        c.close();
        assertThat(query(pool.physical(), "SHOW search_path"))
                .as("the second close did not reset what the next borrower set")
                .isEqualTo("v8");
    }

    @Test
    void aConnectionWhoseServerSessionDiedClosesWithoutAnError() throws Exception {
        Connection physical = cluster.connect(db);
        int pid = physical.unwrap(PGConnection.class).getBackendPID();
        Connection c = ResettingConnection.wrap(physical);
        cluster.execute(db, "SELECT pg_terminate_backend(" + pid + ")");
        Eventually.await(
                Duration.ofSeconds(10),
                "the backend to be gone",
                () -> "0".equals(cluster.queryString(db, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)));

        c.close();

        assertThat(physical.isClosed()).isTrue();
    }

    @Test
    void everythingElseReachesTheConnectionAsItIs() throws SQLException {
        Connection c = borrowed();
        assertThat(c.unwrap(PGConnection.class).getBackendPID())
                .isEqualTo(pool.physical().unwrap(PGConnection.class).getBackendPID());
        assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
        assertThatThrownBy(() -> execute(c, "SELECT 1/0"))
                .as("the driver's own exception, not a reflection wrapper")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("division by zero");
        c.close();
    }

    @Test
    void aWrappedConnectionEqualsItselfOnlySoCollectionsAndPoolsFindIt() throws SQLException {
        Connection c = borrowed();
        Connection other = borrowed();
        Set<Connection> held = new HashSet<>();
        held.add(c);

        assertThat(c.equals(c)).isTrue();
        assertThat(held).contains(c);
        assertThat(c.equals(other)).isFalse();
        assertThat(c.hashCode()).isEqualTo(c.hashCode());
        assertThat(c.toString()).isNotBlank();
        c.close();
        other.close();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
