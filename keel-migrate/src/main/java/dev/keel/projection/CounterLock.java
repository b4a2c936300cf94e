package dev.keel.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The transaction-level advisory lock of one counter, held by whatever writes its base rows (compaction, repair):
 * writers of the table never take it.
 */
final class CounterLock {
    /** The first key of keel's counter locks, apart from the agent's: "kcnt". */
    private static final int SPACE = 0x6b636e74;

    private CounterLock() {}

    static boolean tryTake(Connection c, CounterDefinition counter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, SPACE);
            s.setString(2, counter.qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Waits for a compaction in flight (one statement, short) to end. */
    static void take(Connection c, CounterDefinition counter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, SPACE);
            s.setString(2, counter.qualifiedName());
            s.execute();
        }
    }
}
