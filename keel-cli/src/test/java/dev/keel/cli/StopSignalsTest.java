package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** A real SIGTERM raised in this JVM while StopSignals holds it asks to stop instead of ending the JVM. */
class StopSignalsTest {

    @Test
    void sigtermIsAStopRequest() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (StopSignals signals = StopSignals.install(new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(signals.received()).isNull();

            Signal.raise(new Signal("TERM"));

            assertThat(signals.await(Duration.ofSeconds(30)))
                    .as("the stop request")
                    .isTrue();
            assertThat(signals.received()).isEqualTo("SIGTERM");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
