package dev.keel.backup.stream;

import dev.keel.backup.remote.WalSenderConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.SQLException;

/**
 * The messages of one START_REPLICATION … PHYSICAL copy, and the standby status updates sent back.
 * Not pgjdbc's replication stream: it cannot ask for a timeline, so it cannot fetch the rest of an
 * old timeline after a promotion; it reports the server's keepalive position as "written", which is
 * more than a receiver holds; and it waits 1 ms each time it finds no message pending.
 */
public final class PhysicalStream {
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /** A message from the server. */
    public sealed interface Message permits WalData, Keepalive {}

    /** WAL bytes {@code data[offset, offset + length)} starting at position {@code start}. */
    public record WalData(long start, byte[] data, int offset, int length) implements Message {
        public long end() {
            return start + length;
        }
    }

    /** The server's end of WAL; a status update is due at once when {@code replyRequested}. */
    public record Keepalive(long walEnd, boolean replyRequested) implements Message {}

    private final WalSenderConnection connection;

    PhysicalStream(WalSenderConnection connection) {
        this.connection = connection;
    }

    /**
     * The next message; null when {@code block} is false and none has arrived, or when the server
     * ended the copy (the end of a historic timeline), which {@link #active()} then tells.
     */
    public Message next(boolean block) throws SQLException, IOException {
        byte[] message = connection.next(block);
        if (message == null || message.length == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(message);
        byte type = buffer.get();
        return switch (type) {
            case 'w' -> {
                long start = buffer.getLong();
                buffer.getLong(); // the server's end of WAL
                buffer.getLong(); // the server's clock
                yield new WalData(start, message, buffer.position(), buffer.remaining());
            }
            case 'k' -> {
                long walEnd = buffer.getLong();
                buffer.getLong();
                yield new Keepalive(walEnd, buffer.get() != 0);
            }
            default -> throw new SQLException("unexpected replication message type '" + (char) type + "'", "08P01");
        };
    }

    public boolean active() {
        return connection.copying();
    }

    /**
     * Tells the server how far WAL is written and durable. Applied is reported as flushed: keel
     * replays nothing, and a server with synchronous_commit = remote_apply must not wait forever.
     */
    public void report(long written, long flushed) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(1 + 8 + 8 + 8 + 8 + 1);
        reply.put((byte) 'r');
        reply.putLong(written);
        reply.putLong(flushed);
        reply.putLong(flushed);
        reply.putLong(System.currentTimeMillis() * 1000 - POSTGRES_EPOCH_MICROS);
        reply.put((byte) 0);
        connection.sendCopyData(reply.array());
    }
}
