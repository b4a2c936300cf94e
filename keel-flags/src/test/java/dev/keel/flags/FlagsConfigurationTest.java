package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Impossible settings fail in the setter, before any thread starts. */
class FlagsConfigurationTest {
    private static final ConnectionSource NOWHERE = new ConnectionSource() {
        @Override
        public Connection open() {
            throw new IllegalStateException("no database here");
        }

        @Override
        public String describe() {
            return "nowhere";
        }
    };

    @Test
    void refusesAReloadIntervalBelowOneSecond() {
        assertThatThrownBy(() -> Flags.connect(NOWHERE).reloadInterval(Duration.ofMillis(200)))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SETUP_INVALID))
                .hasMessageContaining("at least 1 s");
    }

    @Test
    void refusesRetryWaitsThatShrink() {
        assertThatThrownBy(() -> Flags.connect(NOWHERE).retry(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("longest no shorter than the first");
    }

    @Test
    void refusesABlankSchemaAndANegativeStartupWait() {
        assertThatThrownBy(() -> Flags.connect(NOWHERE).schema(" ")).isInstanceOf(KeelException.class);
        assertThatThrownBy(() -> Flags.connect(NOWHERE).startupWait(Duration.ofSeconds(-1)))
                .isInstanceOf(KeelException.class);
    }

    @Test
    void anUnreachableDatabaseStillLoadsAndServesTheSafeDefault() {
        try (Flags flags = Flags.connect(NOWHERE)
                .safeDefault(true)
                .startupWait(Duration.ofSeconds(5))
                .load()) {
            assertThat(flags.loaded()).isFalse();
            assertThat(flags.connected()).isFalse();
            assertThat(flags.enabled("anything", "alice")).isTrue();
        }
    }
}
