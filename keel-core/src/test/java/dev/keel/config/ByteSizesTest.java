package dev.keel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void readsPostgresUnitsInAnyCase() {
        assertThat(ByteSizes.parse("16MB")).isEqualTo(16L << 20);
        assertThat(ByteSizes.parse("512kB")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse("512KB")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse(" 1 GB ")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse("2TB")).isEqualTo(2L << 40);
        assertThat(ByteSizes.parse("7B")).isEqualTo(7);
    }

    @Test
    void aBareNumberIsBytes() {
        assertThat(ByteSizes.parse("8192")).isEqualTo(8192);
    }

    @Test
    void refusesWhatIsNoSize() {
        assertThatThrownBy(() -> ByteSizes.parse("10 MiB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10 MiB' is not a size");
        assertThatThrownBy(() -> ByteSizes.parse("-1MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("16 parsecs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("99999999999TB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void printsBinaryUnitsWithOneDecimal() {
        assertThat(ByteSizes.human(0)).isEqualTo("0 B");
        assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
        assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(ByteSizes.human(22.6 * (1 << 20))).isEqualTo("22.6 MiB");
        assertThat(ByteSizes.human(1L << 30)).isEqualTo("1.0 GiB");
        assertThat(ByteSizes.human(3L << 40)).isEqualTo("3.0 TiB");
        assertThat(ByteSizes.human(2048L << 40)).isEqualTo("2048.0 TiB");
    }
}
