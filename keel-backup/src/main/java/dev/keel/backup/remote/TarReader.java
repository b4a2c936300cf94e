package dev.keel.backup.remote;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the ustar archives BASE_BACKUP sends, entry by entry, streaming each file's content
 * without holding it. It reads what PostgreSQL writes (regular files, directories, symbolic links;
 * octal or base-256 sizes; the ustar name prefix) and checks every header's checksum, so a stream
 * that lost its place fails loudly. PostgreSQL leaves out the two zero blocks that end a tar
 * file, so the end of the stream at a header boundary ends the archive as well.
 *
 * <p>Not commons-compress's TarArchiveInputStream: in 1.27.1 it reads a header that fails its checksum
 * and ends the archive quietly where the stream ends inside a header, so a damaged base backup would pass.
 */
final class TarReader {
    static final int BLOCK = 512;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private boolean ended;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** @param name as stored, '/'-separated; directories end with '/' */
    record Entry(String name, char type, long size, String linkName) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }

        boolean isSymbolicLink() {
            return type == '2';
        }

        /** The name without a directory's trailing '/'. */
        String path() {
            return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        }
    }

    /** The next entry, after skipping what is left of the current one; null at the end of the archive. */
    Entry next() throws IOException {
        if (ended) {
            return null;
        }
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            ended = true;
            return null;
        }
        if (n < BLOCK) {
            throw new EOFException("the tar stream ends inside a header (" + n + " of " + BLOCK + " bytes)");
        }
        if (allZero(header)) {
            // The end-of-archive marker: whatever follows belongs to no entry.
            ended = true;
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        checkSum();
        String name = string(0, 100);
        if (string(257, 5).equals("ustar")) {
            String prefix = string(345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        char type = (char) header[156];
        long size = number(124, 12);
        Entry entry = new Entry(name, type, size, string(157, 100));
        if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) {
            throw new IOException("tar entry " + name + " has type '" + type + "', which keel does not read");
        }
        remaining = entry.isFile() ? size : 0;
        padding = entry.isFile() ? (BLOCK - size % BLOCK) % BLOCK : 0;
        return entry;
    }

    /** The current entry's content; reading it to the end leaves the archive at the next header. Closing it closes nothing. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(buffer, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("the tar stream ends inside a file, " + remaining + " bytes short");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private void skip(long bytes) throws IOException {
        byte[] scratch = new byte[8192];
        while (bytes > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, bytes));
            if (n < 0) {
                throw new EOFException("the tar stream ends inside a file, " + bytes + " bytes short");
            }
            bytes -= n;
        }
    }

    private void checkSum() throws IOException {
        long expected = number(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
        }
        if (sum != expected) {
            throw new IOException("a tar header fails its checksum (" + sum + ", recorded " + expected
                    + "): the stream is damaged or out of step");
        }
    }

    private String string(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Octal digits, or base-256 when the first byte's high bit is set (PostgreSQL's form for sizes of 8 GiB and more). */
    private long number(int offset, int length) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        while (i < offset + length && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < offset + length && header[i] != ' ' && header[i] != 0; i++) {
            if (header[i] < '0' || header[i] > '7') {
                throw new IOException("a tar header holds '" + (char) header[i]
                        + "' in a number: the stream is damaged or out of step");
            }
            value = value * 8 + (header[i] - '0');
        }
        return value;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
