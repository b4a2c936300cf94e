package dev.keel.backup.remote;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Framing of the PostgreSQL wire protocol, version 3: a type byte and a length-prefixed body each
 * way, except the startup-phase messages, which have no type byte. Works on any pair of streams,
 * so the message handling above it is tested on recorded bytes.
 */
final class PgWire {
    static final int PROTOCOL_3_0 = 196608;
    static final int SSL_REQUEST = 80877103;
    /** Far above any message BASE_BACKUP sends (a CopyData chunk is 32 kB); a larger length means the stream lost its framing. */
    static final int MAX_MESSAGE = 64 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;

    PgWire(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(
                out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 8 * 1024));
    }

    BackendMessage read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        int length = in.readInt();
        if (length < 4 || length > MAX_MESSAGE) {
            throw new IOException("the server sent a '" + (char) type + "' message of " + length
                    + " bytes; the protocol stream is out of step");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new BackendMessage((byte) type, body);
    }

    /** The one byte the server answers an SSLRequest with. */
    int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    /** True when the server already sent bytes that a TLS handshake would not see: a man in the middle may have put them there. */
    boolean hasBuffered() throws IOException {
        return in.available() > 0;
    }

    void sslRequest() throws IOException {
        out.writeInt(8);
        out.writeInt(SSL_REQUEST);
        out.flush();
    }

    void startup(Map<String, String> parameters) throws IOException {
        Body body = new Body();
        body.int32(PROTOCOL_3_0);
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            body.cstring(p.getKey()).cstring(p.getValue());
        }
        body.int8(0);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        out.flush();
    }

    void send(char type, Body body) throws IOException {
        out.writeByte(type);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        out.flush();
    }

    void query(String sql) throws IOException {
        send('Q', new Body().cstring(sql));
    }

    void terminate() throws IOException {
        send('X', new Body());
    }

    /** A message body under construction. */
    static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Body int8(int value) {
            bytes.write(value);
            return this;
        }

        Body int32(int value) {
            bytes.write(value >>> 24);
            bytes.write(value >>> 16);
            bytes.write(value >>> 8);
            bytes.write(value);
            return this;
        }

        Body cstring(String value) {
            bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return this;
        }

        Body bytes(byte[] value) {
            bytes.writeBytes(value);
            return this;
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        void writeTo(OutputStream out) throws IOException {
            bytes.writeTo(out);
        }
    }
}
