package dev.keel.backup.remote;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.ErrorCode;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Turns every way a replication connection fails into one line that says what to do. The fixes
 * name the exact statement or pg_hba.conf line, because a role that works for the application
 * usually lacks exactly these two things.
 */
final class ReplicationFailures {
    private ReplicationFailures() {}

    /** @param localAddress this end's address as the server sees it, for the pg_hba.conf line; null when unknown */
    static KeelException connecting(ReplicationTarget target, String localAddress, Exception e) {
        if (e instanceof KeelException keel) {
            return keel;
        }
        String where = "cannot open a replication connection to " + target.describe() + " as "
                + Identifiers.display(target.user());
        if (e instanceof ServerErrorException server) {
            ServerError error = server.error();
            return switch (error.sqlState()) {
                case "28P01" ->
                    unreachable(
                            CoreError.AUTHENTICATION_FAILED,
                            where + ": password authentication failed",
                            "check the password in the URL, database.password, PGPASSWORD or ~/.pgpass",
                            e);
                case "28000" ->
                    unreachable(
                            BackupError.REPLICATION_REFUSED,
                            where + ": " + error.message(),
                            "add '" + hbaLine(target, localAddress) + "' to pg_hba.conf and reload the server",
                            e);
                case "42501" ->
                    unreachable(
                            BackupError.REPLICATION_REFUSED,
                            where + ": the role lacks the REPLICATION attribute",
                            "run ALTER ROLE " + Identifiers.display(target.user())
                                    + " WITH REPLICATION as a superuser, and make sure pg_hba.conf has '"
                                    + hbaLine(target, localAddress) + "'",
                            e);
                case "53300" ->
                    unreachable(
                            CoreError.DATABASE_BUSY,
                            where + ": " + error.message(),
                            "raise max_wal_senders (or max_connections) or end idle replication connections",
                            e);
                case "57P03" ->
                    unreachable(
                            CoreError.DATABASE_BUSY,
                            where + ": the server is starting up or shutting down",
                            "retry in a few seconds",
                            e);
                default ->
                    unreachable(
                            BackupError.REPLICATION_REFUSED, where + ": " + error.message(), "check the server log", e);
            };
        }
        if (e instanceof ReplicationConnection.TlsRefusedException) {
            return unreachable(
                    BackupError.REPLICATION_TLS_FAILED,
                    where + ": sslmode=" + target.sslMode().text() + " needs TLS and the server does not offer it",
                    "turn on ssl in the server, or lower sslmode in the database URL or PGSSLMODE",
                    e);
        }
        if (e instanceof SSLException) {
            return unreachable(
                    BackupError.REPLICATION_TLS_FAILED,
                    where + ": the TLS handshake failed (" + firstLine(e) + ")",
                    "check sslmode and sslrootcert in the database URL against the server's certificate",
                    e);
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof UnknownHostException) {
                return unreachable(
                        CoreError.DATABASE_UNREACHABLE,
                        where + ": unknown host " + target.host(),
                        "check the host name in the database URL",
                        e);
            }
            if (cause instanceof ConnectException) {
                return unreachable(
                        CoreError.DATABASE_UNREACHABLE,
                        where + ": connection refused",
                        "check that PostgreSQL is running and listening on that host and port",
                        e);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof NoRouteToHostException) {
                return unreachable(
                        CoreError.DATABASE_UNREACHABLE,
                        where + ": no answer (" + cause.getMessage() + ")",
                        "check the host, the port and any firewall in between",
                        e);
            }
            cause = cause.getCause();
        }
        return unreachable(
                CoreError.DATABASE_UNREACHABLE,
                where + ": " + firstLine(e),
                "check the database URL and that the server accepts replication connections",
                e);
    }

    /** A failure after the connection was made: the server's error, or the stream breaking off. */
    static KeelException during(String what, ReplicationTarget target, IOException e) {
        if (e instanceof ServerErrorException server) {
            ServerError error = server.error();
            if (error.sqlState().equals("42501")) {
                return new KeelException(
                        BackupError.REPLICATION_REFUSED,
                        what + " on " + target.describe() + " was refused: " + error.message(),
                        "run ALTER ROLE " + Identifiers.display(target.user()) + " WITH REPLICATION as a superuser",
                        e);
            }
            if (error.sqlState().equals("53400")) {
                return new KeelException(
                        BackupError.STREAM_BACKUP_FAILED,
                        what + " on " + target.describe() + " failed: " + error.message(),
                        "raise max_replication_slots or max_wal_senders on the server, or drop unused slots",
                        e);
            }
            return new KeelException(
                    BackupError.STREAM_BACKUP_FAILED,
                    what + " on " + target.describe() + " failed: " + error.message()
                            + (error.detail() == null ? "" : " (" + error.detail() + ")"),
                    "look at the server log, then run the backup again",
                    e);
        }
        return new KeelException(
                BackupError.STREAM_BACKUP_FAILED,
                what + " on " + target.describe() + " broke off: " + firstLine(e),
                "check the network and the server log, then run the backup again",
                e);
    }

    /** The line that lets this role make replication connections from here, with the server's default password method. */
    static String hbaLine(ReplicationTarget target, String localAddress) {
        String address = localAddress == null
                ? "<keel's address>/32"
                : localAddress + (localAddress.contains(":") ? "/128" : "/32");
        return "host replication " + Identifiers.display(target.user()) + " " + address + " scram-sha-256";
    }

    private static KeelException unreachable(ErrorCode code, String what, String todo, Exception e) {
        return new KeelException(code, what, todo, e);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
