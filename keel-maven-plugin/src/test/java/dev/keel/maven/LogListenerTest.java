package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogListenerTest {

    @Test
    void infoAndWarningsKeepTheCommandLinesPrefix() {
        RecordingLog log = new RecordingLog();
        LogListener listener = new LogListener(log);

        listener.info("lock timeout 2s");
        listener.warn("safety checks skipped");

        assertThat(log.lines).containsExactly("INFO keel: lock timeout 2s", "WARN keel: safety checks skipped");
    }
}
