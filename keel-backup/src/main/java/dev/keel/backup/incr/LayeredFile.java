package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.error.KeelException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Rebuilds one file of an incremental backup from its layers: the base copy, then each block delta
 * in order. Every layer is checked against the size and SHA-256 its manifest recorded as it is read,
 * so a damaged ancestor object stops the restore instead of leaving a wrong file behind.
 */
public final class LayeredFile {
    private final BackupRepository repository;

    public LayeredFile(BackupRepository repository) {
        this.repository = repository;
    }

    /** @param layers base first, as {@link BackupChain#layers} lists them */
    public void write(Path target, List<BackupFile> layers) throws IOException {
        BackupFile last = layers.get(layers.size() - 1);
        try (FileChannel channel = FileChannel.open(
                target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (BackupFile layer : layers) {
                MessageDigest sha = sha256();
                long read;
                try (Counting in = new Counting(new DigestInputStream(repository.read(layer), sha))) {
                    if (layer.delta() == null) {
                        in.transferTo(Channels.newOutputStream(channel));
                    } else {
                        BlockDeltaFormat.apply(in, channel, "object " + layer.object());
                    }
                    read = in.count;
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (read != layer.objectSize() || !actual.equals(layer.objectSha256())) {
                    throw new KeelException(
                            BackupError.OBJECT_DAMAGED,
                            "object " + layer.object() + " (" + layer.path() + ") does not match its manifest (" + read
                                    + " bytes, SHA-256 " + actual.substring(0, 12) + "…, expected " + layer.objectSize()
                                    + " bytes, "
                                    + layer.objectSha256().substring(0, 12) + "…)",
                            "the repository is damaged: restore another backup, and run keel backup verify");
                }
            }
            if (channel.size() != last.size()) {
                throw new KeelException(
                        BackupError.OBJECT_DAMAGED,
                        "file " + last.path() + " rebuilt from its block deltas is " + channel.size()
                                + " bytes, the manifest says " + last.size(),
                        "the repository is damaged: restore another backup, and run keel backup verify");
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("every byte is counted and hashed");
        }
    }
}
