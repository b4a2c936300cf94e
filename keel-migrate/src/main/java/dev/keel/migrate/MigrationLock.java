package dev.keel.migrate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * A session-level advisory lock per history table: concurrent keel processes queue on it, so each
 * migration is applied once. The server drops it when the session ends, also when keel is killed.
 */
public final class MigrationLock implements AutoCloseable {
    private final Connection connection;
    private final long key;

    private MigrationLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    public static MigrationLock acquire(Connection connection, HistoryTable history, MigrationListener listener)
            throws SQLException {
        long key = key(history);
        try (Statement s = connection.createStatement()) {
            // A configured lock_timeout must not make waiting migrators give up on this lock.
            s.execute("SET lock_timeout = 0");
        }
        if (!call(connection, "SELECT pg_try_advisory_lock(?)", key)) {
            listener.info("another keel is migrating this database (" + holder(connection, key)
                    + "); waiting for it to finish");
            call(connection, "SELECT pg_advisory_lock(?) IS NULL", key);
        }
        return new MigrationLock(connection, key);
    }

    static long key(HistoryTable history) {
        CRC32 crc = new CRC32();
        crc.update(history.qualifiedName().getBytes(StandardCharsets.UTF_8));
        return 0x6b65656c_00000000L | crc.getValue();
    }

    private static boolean call(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String holder(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = ?")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? "pid " + rs.getInt(1) : "a session that just ended";
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            call(connection, "SELECT pg_advisory_unlock(?)", key);
            // The connection may go back to an application's pool: leave no keel setting on it.
            try (Statement s = connection.createStatement()) {
                s.execute("RESET lock_timeout; RESET statement_timeout; RESET synchronous_commit");
            }
        }
    }
}
