package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {
    @Test
    void formatsAsPostgresPrintsAPosition() {
        assertThat(Lsn.format(0x16B3748L)).isEqualTo("0/16B3748");
        assertThat(Lsn.format((3L << 32) | 0xA0L)).isEqualTo("3/A0");
    }

    @Test
    void parsesWhatItFormats() {
        assertThat(Lsn.parse("3/A0")).isEqualTo((3L << 32) | 0xA0L);
        assertThat(Lsn.parse(Lsn.format(123_456_789_012L))).isEqualTo(123_456_789_012L);
    }

    @Test
    void rejectsTextThatIsNoPosition() {
        assertThatThrownBy(() -> Lsn.parse("16B3748")).hasMessageContaining("not a WAL position");
    }
}
