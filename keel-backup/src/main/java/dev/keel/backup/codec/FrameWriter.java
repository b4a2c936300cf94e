package dev.keel.backup.codec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Cuts a byte stream into chunks after an {@link ObjectHeader}. Each chunk is
 * <pre>
 *   1  last-chunk flag (0 or 1)
 *   4  payload length n
 *   encrypted: 12 bytes random nonce, then n bytes AES-GCM ciphertext with its 16-byte tag
 *   plain:     n bytes payload, then 4 bytes CRC32C
 * </pre>
 * The tag (or CRC) covers the header, the chunk's index and its last-chunk flag, so a reader notices a
 * reordered, repeated, dropped or truncated chunk. Only one chunk is held in memory. Closing writes the
 * last chunk (possibly empty) but leaves the sink open, so the caller can still commit it.
 */
final class FrameWriter extends OutputStream {
    static final int TAG_BITS = 128;
    static final int NONCE_LENGTH = 12;
    static final int INITIAL_BUFFER = 1 << 16;

    private final DataOutputStream sink;
    private final ObjectHeader header;
    private final SecretKey key;
    private final Cipher cipher;
    /** Shared: thread-safe, and building one per object cost more than a small file's whole encoding. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CRC32C crc = new CRC32C();
    private byte[] buffer;
    private int filled;
    private long index;
    private boolean closed;

    FrameWriter(OutputStream sink, SecretKey key, boolean compressed, int chunkSizeLog2) throws IOException {
        this(sink, key, compressed, chunkSizeLog2, INITIAL_BUFFER);
    }

    /** @param expected how many bytes the caller will write, when it knows: the buffer starts at that size */
    FrameWriter(OutputStream sink, SecretKey key, boolean compressed, int chunkSizeLog2, int expected)
            throws IOException {
        this.sink = new DataOutputStream(sink);
        this.key = key;
        this.header = ObjectHeader.create(compressed, key != null, chunkSizeLog2);
        // Grown up to a chunk as content arrives: most objects are a few KiB, and a 1 MiB array zeroed for each
        // of a cluster's thousands of files is work for nothing.
        this.buffer = new byte[Math.max(1, Math.min(header.chunkSize(), expected))];
        try {
            this.cipher = key == null ? null : Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
        this.sink.write(header.raw());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the object was already finished");
        }
        while (len > 0) {
            // A full chunk is only sent once more data arrives: the last chunk must carry the flag.
            if (filled == header.chunkSize()) {
                emit(false);
            }
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(header.chunkSize(), buffer.length * 2));
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        emit(true);
        closed = true;
        sink.flush();
    }

    private void emit(boolean last) throws IOException {
        byte[] aad = header.associatedData(index, last);
        sink.writeByte(last ? 1 : 0);
        if (cipher != null) {
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            byte[] sealed;
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(aad);
                sealed = cipher.doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
            sink.writeInt(sealed.length);
            sink.write(nonce);
            sink.write(sealed);
        } else {
            crc.reset();
            crc.update(aad);
            crc.update(buffer, 0, filled);
            sink.writeInt(filled);
            sink.write(buffer, 0, filled);
            sink.writeInt((int) crc.getValue());
        }
        filled = 0;
        index++;
    }
}
