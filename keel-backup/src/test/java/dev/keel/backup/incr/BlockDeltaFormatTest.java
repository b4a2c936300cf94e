package dev.keel.backup.incr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDeltaFormatTest {
    private static final int BLOCK = 1024;

    @TempDir
    Path dir;

    @Test
    void applyingTheChangedBlocksOverTheOldFileGivesTheNewFile() throws Exception {
        byte[] old = random(10 * BLOCK, 1);
        byte[] now = old.clone();
        System.arraycopy(random(BLOCK, 2), 0, now, 3 * BLOCK, BLOCK);
        System.arraycopy(random(BLOCK, 3), 0, now, 7 * BLOCK, BLOCK);
        BitSet changed = new BitSet();
        changed.set(3);
        changed.set(7);
        assertThat(rebuild(old, now, changed)).isEqualTo(now);
    }

    @Test
    void aLongerFileGetsItsNewBlocksAndAShorterOneIsCut() throws Exception {
        byte[] old = random(4 * BLOCK, 4);
        byte[] longer = Arrays.copyOf(old, 6 * BLOCK);
        System.arraycopy(random(2 * BLOCK, 5), 0, longer, 4 * BLOCK, 2 * BLOCK);
        BitSet tail = new BitSet();
        tail.set(4, 6);
        assertThat(rebuild(old, longer, tail)).isEqualTo(longer);
        assertThat(rebuild(old, Arrays.copyOf(old, 2 * BLOCK), new BitSet())).isEqualTo(Arrays.copyOf(old, 2 * BLOCK));
    }

    @Test
    void aTruncatedDeltaIsRefusedByName() throws Exception {
        byte[] now = random(4 * BLOCK, 6);
        BitSet all = new BitSet();
        all.set(0, 4);
        byte[] delta = delta(now, all);
        Path target = dir.resolve("target");
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> BlockDeltaFormat.apply(
                            new ByteArrayInputStream(Arrays.copyOf(delta, delta.length - 10)), out, "object x"))
                    .isInstanceOf(KeelException.class)
                    .hasMessageContaining("object x")
                    .hasMessageContaining("ends before its last block");
        }
    }

    private byte[] rebuild(byte[] old, byte[] now, BitSet changed) throws Exception {
        byte[] delta = delta(now, changed);
        Path target = dir.resolve("target");
        Files.write(target, old);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            assertThat(BlockDeltaFormat.apply(new ByteArrayInputStream(delta), out, "delta"))
                    .isEqualTo(changed.cardinality());
        }
        return Files.readAllBytes(target);
    }

    private byte[] delta(byte[] now, BitSet changed) throws Exception {
        Path source = dir.resolve("source");
        Files.write(source, now);
        try (FileChannel in = FileChannel.open(source);
                InputStream delta = BlockDeltaFormat.content(in, BLOCK, now.length, changed)) {
            return delta.readAllBytes();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
