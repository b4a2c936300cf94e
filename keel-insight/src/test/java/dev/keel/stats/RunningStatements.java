package dev.keel.stats;

import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs statements over and over on their own connection, in turn, until closed: the load that a
 * sampler of pg_stat_activity sees. Give them a pg_sleep so each stays running long enough to be seen.
 */
public final class RunningStatements implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private final Thread thread;
    private volatile SQLException failure;

    private RunningStatements(TestCluster cluster, String db, List<String> statements, boolean bindParameter) {
        thread = new Thread(
                () -> {
                    try (Connection c = cluster.connect(db)) {
                        for (int i = 0; !stop.get(); i++) {
                            String sql = statements.get(i % statements.size());
                            if (bindParameter) {
                                // The value travels as a bind parameter: pg_stat_activity shows $1, as for a JDBC
                                // prepared statement.
                                String value = sql.substring(sql.indexOf('\'') + 1, sql.lastIndexOf('\''));
                                try (var s = c.prepareStatement(sql.substring(0, sql.indexOf('\'')) + "?"
                                        + sql.substring(sql.lastIndexOf('\'') + 1))) {
                                    s.setString(1, value);
                                    drain(s.executeQuery());
                                }
                            } else {
                                try (Statement s = c.createStatement()) {
                                    drain(s.executeQuery(sql));
                                }
                            }
                            runs.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        failure = e;
                    }
                },
                "running-statements");
        thread.setDaemon(true);
        thread.start();
    }

    /** With the values written into the text, as psql, pgbench and most ORMs' literal queries send them. */
    public static RunningStatements literal(TestCluster cluster, String db, String... statements) {
        return new RunningStatements(cluster, db, List.of(statements), false);
    }

    /** Each statement's one quoted value sent as a bind parameter instead. */
    public static RunningStatements bound(TestCluster cluster, String db, String... statements) {
        return new RunningStatements(cluster, db, List.of(statements), true);
    }

    public long runs() {
        return runs.get();
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}
