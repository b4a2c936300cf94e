package dev.keel.backup.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlappedCopyTest {

    @Test
    void copiesManyBuffersInOrder() throws IOException {
        byte[] content = new byte[StreamCopy.BUFFER_SIZE * (OverlappedCopy.BUFFERS * 3) + 12_345];
        new Random(11).nextBytes(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long copied = OverlappedCopy.copy(new ByteArrayInputStream(content), out);

        assertThat(copied).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void anEmptyStreamAndAnExactMultipleOfTheBufferBothEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(OverlappedCopy.copy(InputStream.nullInputStream(), out)).isZero();

        byte[] exact = new byte[StreamCopy.BUFFER_SIZE * 2];
        new Random(12).nextBytes(exact);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertThat(OverlappedCopy.copy(new ByteArrayInputStream(exact), second)).isEqualTo(exact.length);
        assertThat(second.toByteArray()).isEqualTo(exact);
    }

    @Test
    void aWriteFailureReachesTheCallerAsItWasThrown() {
        IOException full = new IOException("No space left on device");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw full;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw full;
            }
        };
        byte[] content = new byte[StreamCopy.BUFFER_SIZE * (OverlappedCopy.BUFFERS * 4)];

        assertThatThrownBy(() -> OverlappedCopy.copy(new ByteArrayInputStream(content), failing))
                .isSameAs(full);
    }

    @Test
    void aReadFailureReachesTheCallerAndStopsTheWriter() {
        IOException broken = new IOException("read failed");
        InputStream failing = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw broken;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ < 3) {
                    return len;
                }
                throw broken;
            }
        };

        assertThatThrownBy(() -> OverlappedCopy.copy(failing, OutputStream.nullOutputStream()))
                .isSameAs(broken);
    }

    @Test
    void largeExpectedSizesOverlapAndSmallOnesCopyInline() throws IOException {
        byte[] content = new byte[1000];
        new Random(13).nextBytes(content);
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        ByteArrayOutputStream large = new ByteArrayOutputStream();

        StreamCopy.copy(new ByteArrayInputStream(content), small, 1000);
        StreamCopy.copy(new ByteArrayInputStream(content), large, StreamCopy.OVERLAP_FROM);

        assertThat(small.toByteArray()).isEqualTo(content);
        assertThat(large.toByteArray()).isEqualTo(content);
    }
}
