package dev.keel.backup.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One message from the server: its type byte and body, with a cursor over the body's fields.
 * Every read checks the bounds, so a desynchronised stream fails with an IOException instead of
 * garbage further on.
 */
final class BackendMessage {
    private final byte type;
    private final byte[] body;
    private int position;

    BackendMessage(byte type, byte[] body) {
        this.type = type;
        this.body = body;
    }

    char type() {
        return (char) type;
    }

    byte[] body() {
        return body;
    }

    int remaining() {
        return body.length - position;
    }

    int position() {
        return position;
    }

    byte int8() throws IOException {
        need(1);
        return body[position++];
    }

    short int16() throws IOException {
        need(2);
        short value = (short) (((body[position] & 0xff) << 8) | (body[position + 1] & 0xff));
        position += 2;
        return value;
    }

    int int32() throws IOException {
        need(4);
        int value = ((body[position] & 0xff) << 24)
                | ((body[position + 1] & 0xff) << 16)
                | ((body[position + 2] & 0xff) << 8)
                | (body[position + 3] & 0xff);
        position += 4;
        return value;
    }

    long int64() throws IOException {
        return ((long) int32() << 32) | (int32() & 0xffffffffL);
    }

    /** A NUL-terminated string, UTF-8 (keel asks for client_encoding UTF8). */
    String cstring() throws IOException {
        int end = position;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (end == body.length) {
            throw new EOFException("unterminated string in a '" + type() + "' message");
        }
        String value = new String(body, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    byte[] bytes(int length) throws IOException {
        need(length);
        byte[] value = Arrays.copyOfRange(body, position, position + length);
        position += length;
        return value;
    }

    private void need(int n) throws IOException {
        if (n < 0 || position + n > body.length) {
            throw new EOFException("a '" + type() + "' message of " + body.length + " bytes ends early");
        }
    }
}
