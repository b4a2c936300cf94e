package dev.keel.backup.incr;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The content of a block delta object, big-endian:
 * <pre>
 *   "KEELBLK1"                 8 bytes, the format
 *   block size                 u32 (8192 unless PostgreSQL was built otherwise)
 *   file length                u64: the file's length after the delta is applied
 *   block count                u32
 *   block numbers              u32 each, ascending, relative to the segment file
 *   pages                      block size bytes each, in the same order (a short last block is zero-padded)
 * </pre>
 * Applying it sets the file to its new length (cutting or zero-extending) and writes each page.
 */
public final class BlockDeltaFormat {
    static final byte[] MAGIC = "KEELBLK1".getBytes(StandardCharsets.US_ASCII);

    private BlockDeltaFormat() {}

    /**
     * A delta holding {@code blocks} of {@code source}, produced as it is read: a segment file is up to
     * 1 GB, too much to build in memory for every file copied in parallel.
     */
    public static InputStream content(FileChannel source, int blockSize, long fileLength, BitSet blocks)
            throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(head);
        data.write(MAGIC);
        data.writeInt(blockSize);
        data.writeLong(fileLength);
        data.writeInt(blocks.cardinality());
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            data.writeInt(b);
        }
        data.flush();
        return new SequenceInputStream(
                new ByteArrayInputStream(head.toByteArray()), new Pages(source, blockSize, blocks));
    }

    /** The pages of a delta, one block read at a time. */
    private static final class Pages extends InputStream {
        private final FileChannel source;
        private final BitSet blocks;
        private final ByteBuffer page;
        private int next;

        Pages(FileChannel source, int blockSize, BitSet blocks) {
            this.source = source;
            this.blocks = blocks;
            this.page = ByteBuffer.allocate(blockSize);
            this.next = blocks.nextSetBit(0);
            page.position(page.limit());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!page.hasRemaining()) {
                if (next < 0) {
                    return -1;
                }
                fill(next);
                next = blocks.nextSetBit(next + 1);
            }
            int n = Math.min(len, page.remaining());
            page.get(b, off, n);
            return n;
        }

        private void fill(int block) throws IOException {
            page.clear();
            long at = (long) block * page.capacity();
            while (page.hasRemaining()) {
                int n = source.read(page, at + page.position());
                if (n < 0) {
                    // The file shrank since it was measured: WAL replay truncates it again, zeroes stand in.
                    Arrays.fill(page.array(), page.position(), page.capacity(), (byte) 0);
                    break;
                }
            }
            page.clear();
        }
    }

    /** Applies a delta to {@code target}; returns the number of blocks written. */
    public static int apply(InputStream in, FileChannel target, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw damaged(what, "it does not start with the block delta format mark");
            }
            int blockSize = data.readInt();
            long length = data.readLong();
            int count = data.readInt();
            if (blockSize < 512
                    || blockSize > 1 << 20
                    || length < 0
                    || count < 0
                    || (long) count * blockSize > length + blockSize) {
                throw damaged(
                        what,
                        "its header is inconsistent (block size " + blockSize + ", length " + length + ", " + count
                                + " blocks)");
            }
            int[] numbers = new int[count];
            for (int i = 0; i < count; i++) {
                numbers[i] = data.readInt();
                if (numbers[i] < 0
                        || i > 0 && numbers[i] <= numbers[i - 1]
                        || (long) numbers[i] * blockSize >= length) {
                    throw damaged(what, "block number " + numbers[i] + " is out of order or past the file's end");
                }
            }
            target.truncate(length);
            if (target.size() < length) {
                // Zero-extends: blocks past the old end that the delta does not hold are zero in PostgreSQL's view too.
                target.write(ByteBuffer.wrap(new byte[1]), length - 1);
            }
            byte[] page = new byte[blockSize];
            for (int number : numbers) {
                data.readFully(page);
                long at = (long) number * blockSize;
                ByteBuffer buffer = ByteBuffer.wrap(page, 0, (int) Math.min(blockSize, length - at));
                while (buffer.hasRemaining()) {
                    target.write(buffer, at + buffer.position());
                }
            }
            if (data.read() >= 0) {
                throw damaged(what, "it holds more than its header announces");
            }
            return count;
        } catch (EOFException e) {
            throw damaged(what, "it ends before its last block");
        }
    }

    private static KeelException damaged(String what, String why) {
        return new KeelException(
                BackupError.OBJECT_DAMAGED,
                what + " is not a valid block delta: " + why,
                "the repository is damaged: restore another backup, and run keel backup verify");
    }
}
