package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSectionTestBaseTest extends ConfigSectionTestBase {

    @Test
    void loadsTheWrittenFileWithTheGivenEnvironment() throws Exception {
        assertThat(load("schema: ops\n").schema()).isEqualTo("ops");
        assertThat(load("schema: ops\n", Map.of("KEEL_SCHEMA", "audit")).schema())
                .isEqualTo("audit");
        assertThat(load("schema: ops\n").projectDir()).isEqualTo(dir);
    }

    @Test
    void usageErrorPassesOnAConfigurationErrorOnly() {
        usageError(() -> load("shema: ops\n"))
                .satisfies(e -> assertThat(e.what()).contains("'shema'"));
        assertThatThrownBy(() -> usageError(() -> load("schema: ops\n"))).isInstanceOf(AssertionError.class);
    }
}
