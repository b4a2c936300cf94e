package dev.keel.backup.remote;

import dev.keel.config.ByteSizes;
import dev.keel.connect.DatabaseTarget;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A physical replication connection for streaming WAL, on keel's own protocol client rather than
 * pgjdbc's COPY API: asking pgjdbc whether another message is waiting costs a 1 ms socket wait
 * whenever none is, which a receiver pays once per flush and a synchronous commit with it. Here
 * "is more buffered?" is a look at the read buffer and the socket's byte count, and the stream
 * messages are read as they come.
 * <p>
 * Failures of the server come as SQLExceptions with the server's SQLSTATE, failures of the
 * connection as IOExceptions, and failures to connect as KeelExceptions (exit 3).
 */
public final class WalSenderConnection implements AutoCloseable {
    private final ReplicationConnection connection;
    private final PgWire wire;
    private boolean copying;

    private WalSenderConnection(ReplicationConnection connection) {
        this.connection = connection;
        this.wire = connection.wire();
    }

    public static WalSenderConnection open(DatabaseTarget target, Map<String, String> env, String applicationName) {
        return new WalSenderConnection(
                ReplicationConnection.open(ReplicationTarget.from(target, env), applicationName));
    }

    /** A replication command or SHOW: its rows as text, empty for commands without rows. */
    public List<List<String>> command(String command) throws SQLException, IOException {
        try {
            return connection.query(command).rows();
        } catch (ServerErrorException e) {
            throw asSql(e);
        }
    }

    /** SHOW wal_segment_size, in bytes. */
    public long walSegmentSize() throws SQLException, IOException {
        return ByteSizes.parse(command("SHOW wal_segment_size").get(0).get(0));
    }

    /** Sends START_REPLICATION …; returns once the server has switched to the copy. */
    public void startCopy(String command) throws SQLException, IOException {
        wire.query(command);
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'W' -> {
                    copying = true;
                    return;
                }
                case 'N', 'S' -> {
                    // notices and parameter changes before the copy starts
                }
                case 'E' -> {
                    ServerError error = ServerError.parse(message);
                    awaitReady();
                    throw asSql(new ServerErrorException(error));
                }
                default -> throw new IOException("unexpected '" + message.type() + "' message after START_REPLICATION");
            }
        }
    }

    /**
     * The next CopyData payload. Without {@code block}, null when nothing has arrived yet (no wait at
     * all). Null also when the server ended the copy (the end of an older timeline); {@link #copying()}
     * then is false.
     */
    public byte[] next(boolean block) throws SQLException, IOException {
        while (copying) {
            if (!block && !wire.hasBuffered()) {
                return null;
            }
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'd' -> {
                    return message.body();
                }
                case 'c' -> endCopy();
                case 'N', 'S' -> {
                    // a notice, a parameter change
                }
                case 'E' -> {
                    copying = false;
                    throw asSql(new ServerErrorException(ServerError.parse(message)));
                }
                default -> throw new IOException("unexpected '" + message.type() + "' message during replication");
            }
        }
        return null;
    }

    /**
     * The server left the copy at the end of an older timeline: answer with CopyDone, then read the
     * result set naming the next timeline up to ReadyForQuery, after which the connection takes the
     * next START_REPLICATION.
     */
    private void endCopy() throws SQLException, IOException {
        copying = false;
        wire.send('c', new PgWire.Body());
        ServerErrorException error = null;
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'Z' -> {
                    if (error != null) {
                        throw asSql(error);
                    }
                    return;
                }
                case 'E' -> error = new ServerErrorException(ServerError.parse(message));
                default -> {
                    // the next timeline and where it starts: keel takes both from the history file
                }
            }
        }
    }

    public boolean copying() {
        return copying;
    }

    public void sendCopyData(byte[] payload) throws IOException {
        wire.send('d', new PgWire.Body().bytes(payload));
    }

    /** Closes the socket at once: how another thread stops one blocked reading the stream. */
    public void abort() {
        connection.closeSocket();
    }

    @Override
    public void close() {
        if (copying) {
            // A walsender in the middle of a copy answers Terminate only after the copy ends; dropping the socket is
            // what pg_receivewal does.
            connection.closeSocket();
        } else {
            connection.close();
        }
    }

    private void awaitReady() throws IOException {
        while (wire.read().type() != 'Z') {
            // the rest of the failed command's answer
        }
    }

    private static SQLException asSql(ServerErrorException e) {
        ServerError error = e.error();
        return new SQLException(error.message(), error.sqlState(), e);
    }
}
