package dev.keel.backup.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** Reports every byte read to the progress display and waits for the throttle. */
public final class MeteredInputStream extends FilterInputStream {
    private final Throttle throttle;
    private final TransferProgress progress;

    public MeteredInputStream(InputStream in, Throttle throttle, TransferProgress progress) {
        super(in);
        this.throttle = throttle;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        progress.advanced(n);
        try {
            throttle.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while throttled");
        }
    }
}
