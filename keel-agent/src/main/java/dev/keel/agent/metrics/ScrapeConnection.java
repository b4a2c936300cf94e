package dev.keel.agent.metrics;

import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The one session every scrape uses, kept open between scrapes as postgres_exporter keeps its own: opening a connection
 * costs the server a process and the scrape a round of authentication. It is read-only and bounded by a
 * statement_timeout and a lock_timeout, so a scrape can neither change nor stall the database.
 */
final class ScrapeConnection implements AutoCloseable {
    static final String APPLICATION_NAME = "keel agent metrics";

    private final ConnectionSource source;
    private final Duration statementTimeout;
    private Connection connection;
    private Server server;

    /** What the session learned when it opened. */
    record Server(int versionNumber, String version, String shortVersion) {}

    ScrapeConnection(ConnectionSource source, Duration statementTimeout) {
        this.source = source;
        this.statementTimeout = statementTimeout;
    }

    /** The open session, opened now when there is none; a failure to connect is thrown as it came. */
    Connection get() throws SQLException {
        if (connection == null) {
            Connection opened = source.open();
            try {
                opened.setAutoCommit(true);
                // The statement_timeout ends a slow query on the server; this ends the wait for a server that no
                // longer answers at all (a network partition), which would otherwise hold every later scrape.
                opened.setNetworkTimeout(
                        Runnable::run, (int) statementTimeout.plusSeconds(5).toMillis());
                server = configure(opened);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(opened);
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    Server server() {
        return server;
    }

    boolean isOpen() {
        return connection != null;
    }

    /** One statement sets the session up and reads the version, so a reconnect costs one round trip. */
    private Server configure(Connection c) throws SQLException {
        long millis = Math.max(1, statementTimeout.toMillis());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select set_config('statement_timeout', '" + millis + "', false),"
                                + " set_config('lock_timeout', '" + millis + "', false),"
                                + " set_config('default_transaction_read_only', 'on', false),"
                                + " set_config('application_name', '" + APPLICATION_NAME + "', false),"
                                + " current_setting('server_version_num')::int, version(), current_setting('server_version')")) {
            rs.next();
            return new Server(rs.getInt(5), rs.getString(6), shortVersion(rs.getString(7)));
        }
    }

    /** As postgres_exporter reports it: major.minor.patch, e.g. 15.18.0 for "15.18 (Debian 15.18-0+deb12u1)". */
    static String shortVersion(String serverVersion) {
        String number = serverVersion.split("[^0-9.]", 2)[0];
        String[] parts = number.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(i < parts.length && !parts[i].isEmpty() ? parts[i] : "0");
        }
        return out.toString();
    }

    /** Drops the session, e.g. after it broke; the next {@link #get()} opens a new one. */
    void reset() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
            server = null;
        }
    }

    @Override
    public void close() {
        reset();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a broken session has nothing left to release
        }
    }
}
