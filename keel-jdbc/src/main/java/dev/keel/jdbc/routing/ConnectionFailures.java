package dev.keel.jdbc.routing;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or refused server (worth another server) from an error in the statement itself. */
final class ConnectionFailures {
    private ConnectionFailures() {}

    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), and the server going away under a session: 57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now (still starting or in recovery).
     */
    static boolean isConnectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
