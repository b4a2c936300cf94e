package dev.keel.backup.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Backend messages byte for byte as a server sends them, for tests of the client that reads them. */
final class ServerMessages {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ServerMessages message(char type, PgWire.Body body) {
        byte[] bytes = body.toByteArray();
        out.write(type);
        int length = bytes.length + 4;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(bytes);
        return this;
    }

    ServerMessages auth(int code, byte[] data) {
        return message('R', new PgWire.Body().int32(code).bytes(data));
    }

    /** A text result set: RowDescription, DataRows, CommandComplete. */
    ServerMessages resultSet(String[] columns, String[]... rows) {
        PgWire.Body description = new PgWire.Body().int8(0).int8(columns.length);
        for (String column : columns) {
            description
                    .cstring(column)
                    .int32(0)
                    .int8(0)
                    .int8(0)
                    .int32(25)
                    .int8(0xff)
                    .int8(0xff)
                    .int32(-1)
                    .int8(0)
                    .int8(0);
        }
        message('T', description);
        for (String[] row : rows) {
            PgWire.Body data = new PgWire.Body().int8(0).int8(row.length);
            for (String value : row) {
                if (value == null) {
                    data.int32(-1);
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    data.int32(bytes.length).bytes(bytes);
                }
            }
            message('D', data);
        }
        return message('C', new PgWire.Body().cstring("SELECT"));
    }

    ServerMessages error(String severity, String code, String text) {
        return message(
                'E',
                new PgWire.Body()
                        .int8('S')
                        .cstring(severity)
                        .int8('V')
                        .cstring(severity)
                        .int8('C')
                        .cstring(code)
                        .int8('M')
                        .cstring(text)
                        .int8(0));
    }

    ServerMessages copyData(char kind, byte[] payload) {
        return message('d', new PgWire.Body().int8(kind).bytes(payload));
    }

    ServerMessages ready() {
        return message('Z', new PgWire.Body().int8('I'));
    }

    ByteArrayInputStream stream() {
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** A wire that reads these messages and records what the client sends. */
    PgWire wire(ByteArrayOutputStream sent) {
        return new PgWire(stream(), sent);
    }
}
