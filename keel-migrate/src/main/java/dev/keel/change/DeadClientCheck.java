package dev.keel.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks the server to notice within a second that keel is gone. A change waits without a lock timeout in
 * CREATE INDEX CONCURRENTLY for older transactions; a keel killed meanwhile left its session waiting there, holding
 * the migration lock, until those transactions ended, and the next keel waited for it. PostgreSQL 14 and later check
 * the client during such waits when client_connection_check_interval is set.
 */
final class DeadClientCheck {
    static final String INTERVAL = "1s";

    private DeadClientCheck() {}

    /** Best effort: older servers and platforms without the check keep today's behaviour. */
    static void enable(Connection connection) {
        try {
            if (connection.getMetaData().getDatabaseMajorVersion() < 14 || !connection.getAutoCommit()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("set client_connection_check_interval = '" + INTERVAL + "'");
            }
        } catch (SQLException e) {
            // The platform has no check (the setting must stay 0 there): nothing to enable.
        }
    }
}
