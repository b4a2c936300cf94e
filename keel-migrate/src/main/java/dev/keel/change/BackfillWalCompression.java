package dev.keel.change;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Compresses the full-page images a backfill writes, for its own session only. A backfill rewrites every row, so it
 * modifies every page of the table once, and a third of its WAL are the images of those pages (measured: 152 of 469 MB
 * for a million pgbench rows; with lz4, 335 MB in all). Less WAL is less to archive into the backup repository and to
 * stream to replicas; the application's throughput under load did not change measurably either way (bench/README.md,
 * change-live). Setting it needs superuser or a {@code GRANT SET ON PARAMETER}; without either the backfill runs as
 * before.
 */
final class BackfillWalCompression {
    /** Fastest first: lz4 and zstd exist only where the server was built with them; {@code on} means pglz. */
    private static final List<String> METHODS = List.of("lz4", "zstd", "on");

    private BackfillWalCompression() {}

    /** The method now in force in the session; null when the server already compresses or no method could be set. */
    static String enable(Connection connection) throws SQLException {
        if (!"off".equals(current(connection))) {
            return null;
        }
        for (String method : METHODS) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET wal_compression = " + method);
                return method;
            } catch (SQLException e) {
                // 42501: not allowed to set it; 22023: a method this server was built without. Either way the
                // backfill is correct without it. Autocommit: a failed SET leaves no aborted transaction behind.
                if (!"42501".equals(e.getSQLState()) && !"22023".equals(e.getSQLState())) {
                    throw e;
                }
                if ("42501".equals(e.getSQLState())) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Never fails: it runs after the backfill, also after one that failed, whose error must come through. A connection
     * that cannot run RESET is broken, and the setting ends with its session.
     */
    static void reset(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("RESET wal_compression");
        } catch (SQLException e) {
            // Nothing to undo on a session that is gone.
        }
    }

    static String current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('wal_compression')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
