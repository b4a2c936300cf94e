package dev.keel.backup.codec;

import java.io.InputStream;
import java.util.Random;

/**
 * A seeded stream of any length that never sits in memory whole: 64 KiB blocks alternating between
 * random bytes and repetitive text, like a data directory of mixed tables and indexes.
 */
public final class TestContent extends InputStream {
    private final Random random;
    private final long length;
    private final byte[] block = new byte[1 << 16];
    private long produced;
    private int position = block.length;
    private long blockNumber;

    public TestContent(long length, long seed) {
        this.length = length;
        this.random = new Random(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (produced == length) {
            return -1;
        }
        if (position == block.length) {
            fill();
        }
        int n = (int) Math.min(Math.min(len, block.length - position), length - produced);
        System.arraycopy(block, position, b, off, n);
        position += n;
        produced += n;
        return n;
    }

    private void fill() {
        if (blockNumber++ % 2 == 0) {
            random.nextBytes(block);
        } else {
            byte[] row =
                    ("row " + random.nextInt(1000) + " | customer@example.test | 2026-01-01 | shipped\n").getBytes();
            for (int i = 0; i < block.length; i++) {
                block[i] = row[i % row.length];
            }
        }
        position = 0;
    }
}
