package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * A real SIGTERM, raised in this JVM while TermSignal holds it, runs the stop and leaves the JVM
 * running: the command ends on its own, with exit 0. (That keel exits 0 and says what it stored is
 * WalStreamIT's, on a real keel process.)
 */
class TermSignalTest {

    @Test
    void sigtermRunsTheStopInsteadOfEndingTheJvm() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TermSignal term = TermSignal.install(
                () -> {
                    stopped.countDown();
                    return true;
                },
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(term.received()).isFalse();

            Signal.raise(new Signal("TERM"));

            assertThat(stopped.await(30, TimeUnit.SECONDS)).as("the stop ran").isTrue();
            assertThat(term.received()).isTrue();
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .as("a clean stop is no error")
                .isEmpty();
    }
}
