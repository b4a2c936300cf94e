package dev.keel.backup.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Copies a stream with the reading and the writing on two threads: the caller reads, a helper thread
 * writes. A backup or restore transfers several files at once, but a 1 GiB relation segment holds one
 * transfer thread long after the others are done; there its reading side (decompressing, or reading
 * and hashing) and its writing side (hashing and writing, or compressing) each take about half.
 * Buffers pass through a small ring, so at most {@link #BUFFERS} of them are in flight.
 */
public final class OverlappedCopy {
    static final int BUFFERS = 4;
    private static final byte[] END = new byte[0];

    private OverlappedCopy() {}

    /**
     * @return the number of bytes copied; neither stream is closed. A failure on the writing side is
     *     thrown here, as it was thrown there.
     */
    public static long copy(InputStream in, OutputStream out) throws IOException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Filled> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[StreamCopy.BUFFER_SIZE]);
        }
        Writer writer = new Writer(out, free, filled);
        Thread thread = new Thread(writer, "keel-copy-writer");
        thread.setDaemon(true);
        thread.start();
        long total = 0;
        boolean ended = false;
        try {
            while (true) {
                byte[] buffer = take(free, writer);
                int length = readFully(in, buffer);
                if (length > 0) {
                    filled.put(new Filled(buffer, length));
                    total += length;
                }
                if (length < buffer.length) {
                    filled.put(new Filled(END, 0));
                    ended = true;
                    break;
                }
            }
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } finally {
            if (!ended) {
                // The caller closes the output next: the writer must be gone by then.
                thread.interrupt();
                joinQuietly(thread);
            }
        }
        writer.rethrow();
        return total;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a free buffer, or stops when the writer failed and will hand none back. */
    private static byte[] take(BlockingQueue<byte[]> free, Writer writer) throws InterruptedException, IOException {
        while (true) {
            byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
            if (buffer != null) {
                return buffer;
            }
            writer.rethrow();
        }
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return length;
    }

    private record Filled(byte[] buffer, int length) {}

    private static final class Writer implements Runnable {
        private final OutputStream out;
        private final BlockingQueue<byte[]> free;
        private final BlockingQueue<Filled> filled;
        private volatile Throwable failure;

        Writer(OutputStream out, BlockingQueue<byte[]> free, BlockingQueue<Filled> filled) {
            this.out = out;
            this.free = free;
            this.filled = filled;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Filled next = filled.take();
                    if (next.buffer() == END) {
                        return;
                    }
                    out.write(next.buffer(), 0, next.length());
                    free.put(next.buffer());
                }
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("interrupted while copying");
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }

        void rethrow() throws IOException {
            Throwable f = failure;
            if (f == null) {
                return;
            }
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) f;
        }
    }
}
