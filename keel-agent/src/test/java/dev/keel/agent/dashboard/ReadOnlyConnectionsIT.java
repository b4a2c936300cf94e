package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.ConnectionSource;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The dashboard's sessions read and never write, and a pooled session goes back as it came. */
@WithPostgres
class ReadOnlyConnectionsIT {
    private final TestCluster cluster;

    ReadOnlyConnectionsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aWriteFailsLoudlyAndTheTableIsUnchanged() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE notes (id int)");
        ConnectionSource readOnly = ReadOnlyConnections.of(TestConnections.of(cluster, db));

        try (Connection c = readOnly.open();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThatThrownBy(() -> s.execute("INSERT INTO notes VALUES (1)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE more_notes (id int)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }

        assertThat(cluster.queryString(db, "SELECT count(*) FROM notes")).isEqualTo("0");
        assertThat(cluster.queryString(db, "SELECT to_regclass('more_notes') IS NULL"))
                .isEqualTo("t");
    }

    @Test
    void closingPutsAPooledSessionBackToReadWrite() throws Exception {
        String db = cluster.createDatabase();
        try (Connection pooled = cluster.connect(db)) {
            // What a pool hands out: one session, whose close() returns it rather than ending it.
            ConnectionSource pool = new ConnectionSource() {
                @Override
                public Connection open() {
                    return (Connection) Proxy.newProxyInstance(
                            Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            (proxy, method, args) ->
                                    method.getName().equals("close") ? null : method.invoke(pooled, args));
                }

                @Override
                public String describe() {
                    return "a pool of one";
                }
            };

            try (Connection c = ReadOnlyConnections.of(pool).open()) {
                assertThat(setting(c)).isEqualTo("on");
            }

            assertThat(setting(pooled)).isEqualTo("off");
            try (Statement s = pooled.createStatement()) {
                s.execute("CREATE TABLE written_after (id int)");
            }
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW default_transaction_read_only")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
