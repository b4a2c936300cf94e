package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {
    private static InputStream tenBytes() {
        return new ByteArrayInputStream(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    @Test
    void readsNoFurtherThanItsLimit() throws IOException {
        InputStream source = tenBytes();
        BoundedInputStream bounded = new BoundedInputStream(source, 4);

        assertThat(bounded.readAllBytes()).containsExactly(0, 1, 2, 3);
        assertThat(bounded.read()).isEqualTo(-1);
        assertThat(source.read())
                .as("the next entry starts where this one ended")
                .isEqualTo(4);
    }

    @Test
    void skippingCountsAgainstTheLimit() throws IOException {
        BoundedInputStream bounded = new BoundedInputStream(tenBytes(), 6);

        bounded.skipNBytes(2);

        assertThat(bounded.remaining()).isEqualTo(4);
        assertThat(bounded.read()).isEqualTo(2);
        assertThat(bounded.readAllBytes()).containsExactly(3, 4, 5);
    }

    @Test
    void aShortSourceEndsEarly() throws IOException {
        BoundedInputStream bounded = new BoundedInputStream(tenBytes(), 20);

        assertThat(bounded.readAllBytes()).hasSize(10);
        assertThat(bounded.remaining()).isEqualTo(10);
    }
}
