package dev.keel.backup.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The 24 bytes that open every stored object:
 * <pre>
 *   0  4  magic "KLOB"
 *   4  1  format version (1)
 *   5  1  flags: bit 0 zstd-compressed, bit 1 AES-256-GCM-encrypted
 *   6  1  log2 of the chunk size (20: 1 MiB of stored payload per chunk)
 *   7  1  reserved, 0
 *   8 16  random object id
 * </pre>
 * All of it is bound into every chunk's authentication (or checksum), so neither the flags nor the
 * id can be changed, and no chunk can be moved from one object into another.
 *
 * @param raw the 24 bytes as stored
 */
public record ObjectHeader(boolean compressed, boolean encrypted, int chunkSizeLog2, byte[] raw) {
    public static final int LENGTH = 24;
    public static final int VERSION = 1;
    static final byte[] MAGIC = "KLOB".getBytes(StandardCharsets.US_ASCII);
    static final int COMPRESSED = 1;
    static final int ENCRYPTED = 2;
    /** One for every object: a new generator per object showed among a bundle's thousands of small files. */
    private static final SecureRandom RANDOM = new SecureRandom();

    public int chunkSize() {
        return 1 << chunkSizeLog2;
    }

    static ObjectHeader create(boolean compressed, boolean encrypted, int chunkSizeLog2) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        ByteBuffer raw = ByteBuffer.allocate(LENGTH)
                .put(MAGIC)
                .put((byte) VERSION)
                .put((byte) ((compressed ? COMPRESSED : 0) | (encrypted ? ENCRYPTED : 0)))
                .put((byte) chunkSizeLog2)
                .put((byte) 0)
                .put(id);
        return new ObjectHeader(compressed, encrypted, chunkSizeLog2, raw.array());
    }

    /** @throws IllegalArgumentException saying why these bytes are no header; the reader reports it as damage */
    static ObjectHeader parse(byte[] raw) {
        if (raw.length < LENGTH) {
            throw new IllegalArgumentException("it is shorter than the object header (" + raw.length + " bytes)");
        }
        if (!Arrays.equals(raw, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("it does not start like a keel backup object");
        }
        if (raw[4] != VERSION) {
            throw new IllegalArgumentException("it has format version " + (raw[4] & 0xff)
                    + ", which this keel cannot read (it reads version " + VERSION + ")");
        }
        int flags = raw[5] & 0xff;
        if ((flags & ~(COMPRESSED | ENCRYPTED)) != 0 || raw[7] != 0) {
            throw new IllegalArgumentException("its header has unknown flags");
        }
        int log2 = raw[6];
        if (log2 < 12 || log2 > 26) {
            throw new IllegalArgumentException("its header names an impossible chunk size");
        }
        return new ObjectHeader((flags & COMPRESSED) != 0, (flags & ENCRYPTED) != 0, log2, raw.clone());
    }

    /** What a chunk's tag or checksum covers besides its payload: the header, its index and whether it is the last. */
    byte[] associatedData(long index, boolean last) {
        return ByteBuffer.allocate(LENGTH + 9)
                .put(raw)
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }
}
