package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and turns every way of failing to connect into one line that says what to do (exit 3). */
public final class Connector {

    private Connector() {}

    public static Connection open(DatabaseTarget target, String applicationName) {
        Properties properties = new Properties();
        properties.putAll(target.properties());
        properties.putIfAbsent("ApplicationName", applicationName);
        properties.putIfAbsent("connectTimeout", "10");
        properties.putIfAbsent("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(target.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw unreachable(target, e);
        }
    }

    public static KeelException unreachable(DatabaseTarget target, SQLException e) {
        String where = target.describe();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = target.user();
        return switch (state) {
            case "28P01" ->
                new KeelException(
                        CoreError.AUTHENTICATION_FAILED,
                        "cannot connect to " + where + ": password authentication failed for user " + user,
                        "check the password in the URL, database.password, PGPASSWORD or ~/.pgpass",
                        e);
            case "28000" ->
                new KeelException(
                        CoreError.AUTHENTICATION_FAILED,
                        "cannot connect to " + where + ": the server refused user " + user + " (" + firstLine(e) + ")",
                        "check the user name and the server's pg_hba.conf",
                        e);
            case "3D000" ->
                new KeelException(
                        CoreError.DATABASE_MISSING,
                        "cannot connect to " + where + ": database " + target.database() + " does not exist",
                        "create it (createdb " + target.database() + ") or fix the database name in the URL",
                        e);
            case "57P03" ->
                new KeelException(
                        CoreError.DATABASE_BUSY,
                        "cannot connect to " + where + ": the server is starting up or shutting down",
                        "retry in a few seconds",
                        e);
            case "53300" ->
                new KeelException(
                        CoreError.DATABASE_BUSY,
                        "cannot connect to " + where + ": too many connections",
                        "close idle connections or raise max_connections",
                        e);
            default -> networkFailure(where, e);
        };
    }

    private static KeelException networkFailure(String where, SQLException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof UnknownHostException) {
                return new KeelException(
                        CoreError.DATABASE_UNREACHABLE,
                        "cannot connect to " + where + ": unknown host " + cause.getMessage(),
                        "check the host name in the database URL",
                        e);
            }
            if (cause instanceof ConnectException) {
                return new KeelException(
                        CoreError.DATABASE_UNREACHABLE,
                        "cannot connect to " + where + ": connection refused",
                        "check that PostgreSQL is running and listening on that host and port",
                        e);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof NoRouteToHostException) {
                return new KeelException(
                        CoreError.DATABASE_UNREACHABLE,
                        "cannot connect to " + where + ": no answer (" + cause.getMessage() + ")",
                        "check the host, the port and any firewall in between",
                        e);
            }
            cause = cause.getCause();
        }
        return new KeelException(
                CoreError.DATABASE_UNREACHABLE,
                "cannot connect to " + where + ": " + firstLine(e),
                "check the database URL and that the server accepts connections",
                e);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
