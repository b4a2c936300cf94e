package dev.keel.backup.catalog;

import dev.keel.backup.codec.ObjectCodec;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.repo.PendingObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes many small files as one object, each encoded on its own so that any one of them decodes from its
 * offset and stored length alone. One object instead of thousands is what makes small files cheap: each
 * object costs a round trip on S3 and a create, fsync and rename on a directory. Like every object, the
 * bundle is invisible until {@link #commit()}; the manifest that points into it is written after that.
 */
public final class BundleWriter implements AutoCloseable {
    private final String name;
    private final ObjectCodec codec;
    private final ObjectCodec.SmallEncoder small;
    private final PendingObject pending;
    private final CountingOutputStream sink;
    /** Content shorter than this is compressed in one call; a bundle's files are far smaller. */
    static final int WHOLE = 1024 * 1024;

    /** One for all entries: looking one up per file was measurable among thousands. */
    private final MessageDigest sha256 = sha256();

    /**
     * Each file is read into this, reused from file to file: reading each into a new array zeroed a buffer and
     * copied the content once more per file, a tenth of a small-file backup's copying.
     */
    private byte[] buffer = new byte[64 * 1024];

    private int entries;

    BundleWriter(String name, ObjectStore store, ObjectCodec codec) {
        this.name = name;
        this.codec = codec;
        this.small = codec.smallEncoder();
        this.pending = store.create(name);
        this.sink = new CountingOutputStream(pending);
    }

    public String name() {
        return name;
    }

    public int entries() {
        return entries;
    }

    /** Appends one file's content; the entry returned locates it in this bundle. */
    public BackupFile append(String path, InputStream content) throws IOException {
        long offset = sink.count();
        sha256.reset();
        int head = readHead(content);
        sha256.update(buffer, 0, head);
        long size;
        if (head < WHOLE) {
            small.encode(buffer, head, sink);
            size = head;
        } else {
            // Grew past what a bundle holds since the data directory was listed: streamed like any large file.
            try (OutputStream encoded = codec.encoder(sink)) {
                encoded.write(buffer, 0, head);
                size = head + new DigestInputStream(content, sha256).transferTo(encoded);
            }
        }
        entries++;
        return new BackupFile(
                path, size, HexFormat.of().formatHex(sha256.digest()), name, sink.count() - offset, null, offset);
    }

    /** Makes the bundle visible under its name, whole. */
    public void commit() throws IOException {
        pending.commit();
    }

    /** Discards the bundle unless it was committed. */
    @Override
    public void close() throws IOException {
        small.close();
        pending.close();
    }

    /** Reads up to {@link #WHOLE} bytes of {@code content} into {@link #buffer}, growing it as needed. */
    private int readHead(InputStream content) throws IOException {
        int n = 0;
        while (n < WHOLE) {
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(WHOLE, buffer.length * 2));
            }
            int read = content.read(buffer, n, buffer.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
