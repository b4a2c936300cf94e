package dev.keel.testing.live;

import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Schema changes as a careful engineer writes them by hand: every statement with a short
 * lock_timeout, retried after a jittered pause when the lock is not there (SQLSTATE 55P03), so no
 * statement queues the application behind it for longer than one lock_timeout.
 */
final class PlainDdl {
    static final String LOCK_TIMEOUT = "300ms";
    private static final int TRIES = 50;

    private final TestCluster cluster;
    private final String database;
    private final Random random;

    PlainDdl(TestCluster cluster, String database, Random random) {
        this.cluster = cluster;
        this.database = database;
        this.random = random;
    }

    void run(String... statements) throws SQLException, InterruptedException {
        try (Connection c = cluster.connect(database);
                Statement s = c.createStatement()) {
            s.execute("set lock_timeout = '" + LOCK_TIMEOUT + "'");
            for (String sql : statements) {
                runOne(s, sql);
            }
        }
    }

    private void runOne(Statement s, String sql) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState()) || attempt == TRIES) {
                    throw e;
                }
                // Lets the queued application statements through before the next try.
                Thread.sleep(20 + random.nextInt(80));
            }
        }
    }

    /** A batched UPDATE by key, each batch its own short transaction, up to the highest key there is now. */
    void inBatches(String table, String key, String set, String where, int batch) throws SQLException {
        try (Connection c = cluster.connect(database);
                Statement s = c.createStatement()) {
            long highest;
            try (ResultSet rs = s.executeQuery("select coalesce(max(" + key + "), 0) from " + table)) {
                rs.next();
                highest = rs.getLong(1);
            }
            for (long from = 0; from < highest; from += batch) {
                s.executeUpdate("update " + table + " set " + set + " where " + key + " > " + from + " and " + key
                        + " <= " + (from + batch) + " and (" + where + ")");
            }
        }
    }
}
