package dev.keel.backup.codec;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32C;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Reads what {@link FrameWriter} wrote, checking every chunk before handing out a byte of it.
 * Damage is a {@link KeelException} with exit code 1 naming the object and the chunk; an encrypted
 * object read without a key is a configuration error (2). In an encrypted repository an unencrypted
 * object is damage too: otherwise someone could swap in plain content of their choosing.
 */
final class FrameReader extends InputStream {
    private final String name;
    private final DataInputStream source;
    private final SecretKey key;
    private final ObjectHeader header;
    private final Cipher cipher;
    private final CRC32C crc = new CRC32C();
    private byte[] chunk = new byte[0];
    private int position;
    private long index;
    private boolean lastSeen;

    FrameReader(String name, InputStream source, SecretKey key) throws IOException {
        this.name = name;
        this.source = new DataInputStream(source);
        this.key = key;
        byte[] raw = this.source.readNBytes(ObjectHeader.LENGTH);
        try {
            this.header = ObjectHeader.parse(raw);
        } catch (IllegalArgumentException e) {
            throw damaged(e.getMessage());
        }
        if (header.encrypted() && key == null) {
            throw new KeelException(
                    BackupError.KEY_MISSING,
                    "object '" + name + "' is encrypted and no key is configured",
                    "set " + KeySource.ENV + " or backup.encryption.keyFile to the repository's key");
        }
        if (!header.encrypted() && key != null) {
            throw damaged("it is not encrypted although the repository is, so it cannot be trusted");
        }
        try {
            this.cipher = key == null ? null : Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    ObjectHeader header() {
        return header;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (lastSeen) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private void nextChunk() throws IOException {
        int flag = source.read();
        if (flag < 0) {
            throw damaged("it is truncated: it ends after " + index + " chunk" + (index == 1 ? "" : "s")
                    + " without its last one");
        }
        if (flag > 1) {
            throw damaged("chunk " + index + " has a broken frame");
        }
        boolean last = flag == 1;
        try {
            int length = source.readInt();
            int limit = header.chunkSize() + (cipher != null ? FrameWriter.TAG_BITS / 8 : 0);
            if (length < 0 || length > limit) {
                throw damaged("chunk " + index + " claims " + length + " bytes, more than a chunk holds");
            }
            byte[] aad = header.associatedData(index, last);
            if (cipher != null) {
                byte[] nonce = new byte[FrameWriter.NONCE_LENGTH];
                source.readFully(nonce);
                byte[] sealed = new byte[length];
                source.readFully(sealed);
                chunk = open(nonce, aad, sealed);
            } else {
                byte[] payload = new byte[length];
                source.readFully(payload);
                int expected = source.readInt();
                crc.reset();
                crc.update(aad);
                crc.update(payload);
                if ((int) crc.getValue() != expected) {
                    throw damaged(
                            "chunk " + index + " fails its checksum (its content, place or last-chunk mark changed)");
                }
                chunk = payload;
            }
        } catch (EOFException e) {
            throw damaged("it is truncated inside chunk " + index);
        }
        position = 0;
        index++;
        if (last) {
            lastSeen = true;
            long trailing = source.transferTo(OutputStream.nullOutputStream());
            if (trailing > 0) {
                throw damaged("it has " + trailing + " unexpected bytes after its last chunk");
            }
        }
    }

    private byte[] open(byte[] nonce, byte[] aad, byte[] sealed) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(FrameWriter.TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "object '" + name + "' fails authentication at chunk " + index
                            + ": it was altered, damaged, moved or cut short",
                    "restore it from another copy; run keel backup verify to find every damaged object");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed to start", e);
        }
    }

    private KeelException damaged(String why) {
        return new KeelException(
                BackupError.OBJECT_DAMAGED,
                "object '" + name + "' is damaged: " + why,
                "restore it from another copy; run keel backup verify to find every damaged object");
    }
}
