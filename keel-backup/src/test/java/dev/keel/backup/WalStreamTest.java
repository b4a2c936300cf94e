package dev.keel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keel.backup.stream.WalStreamer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream's life cycle without a server: stopping or closing one that never ran must neither hang nor connect. */
class WalStreamTest {
    /** Nothing listens here: a run that connected would retry forever, and the timeout below would fail the test. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/shop";

    @TempDir
    Path dir;

    @Test
    void aStreamStoppedBeforeItRanReturnsAtOnceWithNothingStored() {
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(NOWHERE, null, null)
                .repository("file://" + dir.resolve("repo"))
                .load();
        backups.init();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            WalStream stream = backups.walStream();
            stream.stop();
            WalStreamer.Result result = stream.run();
            assertThat(result.segmentsStored()).isZero();
            stream.close();
            stream.close();
        });
    }
}
