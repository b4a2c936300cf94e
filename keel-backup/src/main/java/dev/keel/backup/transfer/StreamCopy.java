package dev.keel.backup.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a stream in 256 KiB pieces. {@link InputStream#transferTo} moves 8 KiB at a time, and on the
 * paths of a backup or restore each piece crosses the digest, a JNI call into zstd and, unbuffered,
 * a write system call: a relation segment of 1 GiB made 131,072 of each.
 */
public final class StreamCopy {
    static final int BUFFER_SIZE = 1 << 18;

    private StreamCopy() {}

    /** From this size on a copy overlaps its reading and writing ({@link OverlappedCopy}): its own thread pays off. */
    static final long OVERLAP_FROM = 64L << 20;

    /**
     * As {@link #copy(InputStream, OutputStream)}, on two threads when {@code expectedSize} is large.
     *
     * @param expectedSize what the caller knows of the content's size, 0 when nothing
     */
    public static long copy(InputStream in, OutputStream out, long expectedSize) throws IOException {
        return expectedSize >= OVERLAP_FROM ? OverlappedCopy.copy(in, out) : copy(in, out);
    }

    /** @return the number of bytes copied; neither stream is closed */
    public static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
