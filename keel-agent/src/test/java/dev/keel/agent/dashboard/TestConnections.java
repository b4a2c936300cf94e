package dev.keel.agent.dashboard;

import dev.keel.connect.ConnectionSource;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections to a test cluster's database, as a given role. */
final class TestConnections {
    private TestConnections() {}

    static ConnectionSource of(TestCluster cluster, String database) {
        return as(cluster, database, TestCluster.SUPERUSER);
    }

    static ConnectionSource as(TestCluster cluster, String database, String user) {
        return connect(
                cluster,
                database,
                user,
                "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database + "?user=" + user);
    }

    /** With a password in the URL (the test cluster trusts local connections and ignores it): pages must never show it. */
    static ConnectionSource withPassword(TestCluster cluster, String database, String password) {
        return connect(
                cluster,
                database,
                TestCluster.SUPERUSER,
                "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database + "?user=" + TestCluster.SUPERUSER
                        + "&password=" + password);
    }

    private static ConnectionSource connect(TestCluster cluster, String database, String user, String url) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                try {
                    return DriverManager.getConnection(url);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot connect to the test cluster as " + user, e);
                }
            }

            @Override
            public String describe() {
                return "127.0.0.1:" + cluster.port() + "/" + database;
            }
        };
    }
}
