package dev.keel.backup.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialSegmentTest {
    @TempDir
    Path dir;

    @Test
    void padsWithZerosToTheSizeInTheLongPageHeader() throws Exception {
        byte[] received = new byte[5000];
        ByteBuffer.wrap(received).order(ByteOrder.nativeOrder()).putInt(32, 1 << 20);
        received[4999] = 7;
        Path file = Files.write(dir.resolve("seg"), received);

        PartialSegment.padToFullSize(file);

        byte[] padded = Files.readAllBytes(file);
        assertThat(padded).hasSize(1 << 20);
        assertThat(padded[4999]).isEqualTo((byte) 7);
        assertThat(padded[5000]).isZero();
        assertThat(padded[(1 << 20) - 1]).isZero();
    }

    @Test
    void refusesAFileWithoutAValidHeader() throws Exception {
        Path shortFile = Files.write(dir.resolve("short"), new byte[10]);
        assertThatThrownBy(() -> PartialSegment.padToFullSize(shortFile))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("too short");
        byte[] garbage = new byte[100];
        ByteBuffer.wrap(garbage).order(ByteOrder.nativeOrder()).putInt(32, 12345);
        Path bad = Files.write(dir.resolve("bad"), garbage);
        assertThatThrownBy(() -> PartialSegment.padToFullSize(bad))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("no valid segment size");
    }
}
