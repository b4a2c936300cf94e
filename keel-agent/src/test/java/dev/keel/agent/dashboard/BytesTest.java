package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void sizesAreShownInTheLargestWholeUnit() {
        assertThat(Bytes.human(512)).isEqualTo("512 B");
        assertThat(Bytes.human(1536)).isEqualTo("1.5 kB");
        assertThat(Bytes.human(16L << 20)).isEqualTo("16.0 MB");
        assertThat(Bytes.human(3L << 40)).isEqualTo("3.0 TB");
    }
}
