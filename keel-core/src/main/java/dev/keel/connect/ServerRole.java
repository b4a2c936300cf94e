package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the server can take writes. A hot standby accepts connections and reads, then refuses the
 * first write with "cannot execute … in a read-only transaction", which reads like a fault in the
 * statement; keel asks first and says what is wrong with the target instead.
 */
public final class ServerRole {

    private ServerRole() {}

    public static boolean inRecovery(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Fails with one line (exit 2) when {@code c} is a standby; {@code verb} is what would have written, e.g. "keel migrate". */
    public static void requirePrimary(Connection c, String where, String verb) throws SQLException {
        if (inRecovery(c)) {
            throw new KeelException(
                    CoreError.SERVER_IN_RECOVERY,
                    where + " is a hot standby (in recovery) and accepts no writes; " + verb + " did not start",
                    "point " + verb + " at the primary (with several hosts in the URL, add targetServerType=primary)");
        }
    }
}
