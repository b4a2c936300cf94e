package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

class ShadowOptionsTest {

    @Test
    void aScaleIsAShareFromZeroToOne() {
        assertThat(ShadowOptions.parseScale("0.01")).isEqualTo(0.01);
        assertThat(ShadowOptions.parseScale("1")).isEqualTo(1.0);
        assertThat(ShadowOptions.parseScale("0")).isEqualTo(0.0);
    }

    @Test
    void aBadScaleIsAUsageError() {
        for (String bad : new String[] {"-0.1", "1.5", "half", "NaN"}) {
            assertThatThrownBy(() -> ShadowOptions.parseScale(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.what()).startsWith("--scale must be a number from 0 to 1");
                    });
        }
        assertThatThrownBy(() -> ShadowOptions.defaults().withScale(2, 10)).isInstanceOf(KeelException.class);
        assertThatThrownBy(() -> ShadowOptions.defaults().withScale(0.5, -1)).isInstanceOf(KeelException.class);
    }

    @Test
    void decimalsPrintAsWritten() {
        assertThat(ShadowOptions.decimal(0.01)).isEqualTo("0.01");
        assertThat(ShadowOptions.decimal(0.0001)).isEqualTo("0.0001");
        assertThat(ShadowOptions.decimal(1.0)).isEqualTo("1");
    }
}
