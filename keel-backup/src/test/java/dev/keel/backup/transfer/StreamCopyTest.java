package dev.keel.backup.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamCopyTest {

    @Test
    void copiesEveryByteAcrossSeveralBuffersAndCountsThem() throws IOException {
        byte[] content = new byte[StreamCopy.BUFFER_SIZE * 3 + 17];
        new Random(7).nextBytes(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long copied = StreamCopy.copy(new ByteArrayInputStream(content), out);

        assertThat(copied).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void anEmptyStreamCopiesNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(StreamCopy.copy(InputStream.nullInputStream(), out)).isZero();
        assertThat(out.size()).isZero();
    }

    @Test
    void shortReadsAreContinuedUntilTheEnd() throws IOException {
        byte[] content = new byte[100_000];
        new Random(8).nextBytes(content);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(StreamCopy.copy(trickle, out)).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);
    }
}
