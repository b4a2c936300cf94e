package dev.keel.backup.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * A physical replication connection (startup parameter replication=true): only the simple query
 * protocol and the replication commands. pgjdbc opens replication connections for WAL streaming
 * only and has no BASE_BACKUP, so keel speaks this much of the protocol itself.
 */
final class ReplicationConnection implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final PgWire wire;
    private final Map<String, String> parameters = new HashMap<>();

    ReplicationConnection(Socket socket, PgWire wire) {
        this.socket = socket;
        this.wire = wire;
    }

    /** Connects, negotiates TLS as sslmode asks, authenticates and waits for ReadyForQuery; every failure is one KeelException (exit 3). */
    static ReplicationConnection open(ReplicationTarget target, String applicationName) {
        Socket socket = new Socket();
        try {
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            socket = negotiateTls(socket, target);
            ReplicationConnection connection =
                    new ReplicationConnection(socket, new PgWire(socket.getInputStream(), socket.getOutputStream()));
            connection.start(target, applicationName);
            return connection;
        } catch (IOException | RuntimeException e) {
            String local =
                    socket.getLocalAddress() == null || socket.getLocalAddress().isAnyLocalAddress()
                            ? null
                            : socket.getLocalAddress().getHostAddress();
            closeQuietly(socket);
            throw ReplicationFailures.connecting(target, local, e);
        }
    }

    private static Socket negotiateTls(Socket socket, ReplicationTarget target) throws IOException {
        if (!target.sslMode().requests()) {
            return socket;
        }
        PgWire plain = new PgWire(socket.getInputStream(), socket.getOutputStream());
        plain.sslRequest();
        int answer = plain.readByte();
        if (answer == 'S') {
            if (plain.hasBuffered()) {
                // CVE-2021-23222: bytes sent before the handshake could be injected by anyone on the path.
                throw new IOException("the server sent unencrypted data after agreeing to TLS");
            }
            return TlsUpgrade.wrap(socket, target.host(), target.port(), target.sslMode(), target.sslRootCert());
        }
        if (target.sslMode().requires()) {
            throw new TlsRefusedException();
        }
        return socket;
    }

    private void start(ReplicationTarget target, String applicationName) throws IOException {
        Map<String, String> startup = new LinkedHashMap<>();
        startup.put("user", target.user());
        startup.put("replication", "true");
        startup.put("application_name", applicationName);
        startup.put("client_encoding", "UTF8");
        wire.startup(startup);
        new Authenticator(wire, target.user(), target.password(), target.describe()).authenticate();
        awaitReady();
    }

    /** Reads parameters, key data and notices until the server is ready for a query. */
    private void awaitReady() throws IOException {
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'Z' -> {
                    return;
                }
                case 'S' -> parameters.put(message.cstring(), message.cstring());
                case 'K', 'N' -> {
                    // cancel key, notices: keel cancels by closing the connection
                }
                case 'E' -> throw new ServerErrorException(ServerError.parse(message));
                default -> throw new IOException("unexpected '" + message.type() + "' message before ReadyForQuery");
            }
        }
    }

    /** A replication command or SHOW that answers with at most one result set. */
    QueryResult query(String sql) throws IOException {
        wire.query(sql);
        QueryResult result = QueryResult.EMPTY;
        ServerErrorException error = null;
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'T' -> result = QueryResult.read(wire, message);
                case 'C', 'I', 'N' -> {
                    // a command without rows, an empty query, a notice
                }
                case 'S' -> parameters.put(message.cstring(), message.cstring());
                case 'E' -> error = new ServerErrorException(ServerError.parse(message));
                case 'Z' -> {
                    if (error != null) {
                        throw error;
                    }
                    return result;
                }
                default ->
                    throw new IOException("unexpected '" + message.type() + "' message after " + sql.split(" ")[0]);
            }
        }
    }

    /** A parameter the server reported (server_version, in_hot_standby …); null when it did not. */
    String parameter(String name) {
        return parameters.get(name);
    }

    PgWire wire() {
        return wire;
    }

    boolean encrypted() {
        return socket instanceof SSLSocket;
    }

    @Override
    public void close() {
        try {
            wire.terminate();
        } catch (IOException e) {
            // the server went first; closing the socket is all that is left
        }
        closeQuietly(socket);
    }

    /** Drops the connection without a Terminate message. */
    void closeSocket() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** sslmode asks for TLS and the server answered 'N'. */
    static final class TlsRefusedException extends IOException {
        TlsRefusedException() {
            super("the server does not accept TLS connections");
        }
    }
}
