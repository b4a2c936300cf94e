package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's flags.* keys, as keel-flags declares them. */
class FlagsSectionTest extends ConfigSectionTestBase {

    @Test
    void readsTheFlagsSection() throws IOException {
        KeelYaml config = load("""
                schema: ops
                flags:
                  safeDefault: true
                  reloadInterval: 10s
                """);

        assertThat(config.get(FlagsSection.SAFE_DEFAULT)).isTrue();
        assertThat(config.get(FlagsSection.RELOAD_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.schema()).isEqualTo("ops");
    }

    @Test
    void defaultsWithoutTheSection() throws IOException {
        KeelYaml config = load("");

        assertThat(config.get(FlagsSection.SAFE_DEFAULT)).isFalse();
        assertThat(config.get(FlagsSection.RELOAD_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anEnvironmentVariableOverridesTheFile() throws IOException {
        KeelYaml config = load("flags:\n  safeDefault: false\n", Map.of("KEEL_FLAGS_SAFEDEFAULT", "true"));

        assertThat(config.get(FlagsSection.SAFE_DEFAULT)).isTrue();
    }

    @Test
    void aReloadIntervalBelowOneSecondIsRefused() {
        usageError(() -> load("flags:\n  reloadInterval: 100ms\n"))
                .satisfies(e ->
                        assertThat(e.what()).contains("flags.reloadInterval").contains("at least 1s"));
    }

    @Test
    void aMistypedKeyNamesTheNearestKnownOne() {
        usageError(() -> load("flags:\n  safeDefaults: true\n"))
                .satisfies(e -> assertThat(e.todo()).contains("flags.safeDefault"));
    }
}
