package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteServerFactsTest {
    @Test
    void showSizesBecomeBytes() {
        assertThat(RemoteServerFacts.bytes("16MB")).isEqualTo(16L * 1024 * 1024);
        assertThat(RemoteServerFacts.bytes("1GB")).isEqualTo(1024L * 1024 * 1024);
        assertThat(RemoteServerFacts.bytes("512kB")).isEqualTo(512L * 1024);
        assertThat(RemoteServerFacts.bytes("8192")).isEqualTo(8192);
        assertThatThrownBy(() -> RemoteServerFacts.bytes("16 parsecs")).isInstanceOf(IllegalArgumentException.class);
    }
}
