package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeelVersionTest {

    @Test
    void isTheBuiltVersionNotThePlaceholder() {
        assertThat(KeelVersion.current())
                .isNotEqualTo("unknown")
                .doesNotContain("${")
                .matches("\\d+\\.\\d+.*");
    }
}
