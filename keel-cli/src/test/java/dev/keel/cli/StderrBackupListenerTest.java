package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The lines the backup commands print on stderr while the facade works: notes, progress and the WAL stream's events. */
class StderrBackupListenerTest {

    @Test
    void eachEventIsOneLineAfterKeel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StderrBackupListener listener = new StderrBackupListener(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        listener.note("no full backup of this cluster yet: taking a full one");
        listener.started("copying 3 files", 3 * 1024 * 1024, 3);
        listener.advanced(3 * 1024 * 1024);
        listener.finished();
        listener.streaming("127.0.0.1:5432/shop", 1, 0x3000060L, "keel_wal", true);
        listener.stored("000000010000000000000003");
        listener.warning("the slot lags");
        listener.retrying("lost the connection", 5);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .isEqualTo("keel: no full backup of this cluster yet: taking a full one"),
                        line -> assertThat(line).startsWith("keel: copying 3 files, 3"),
                        line -> assertThat(line)
                                .startsWith("keel: copying 3 files done: 3")
                                .endsWith(" s"),
                        line -> assertThat(line)
                                .isEqualTo(
                                        "keel: streaming WAL from 127.0.0.1:5432/shop, timeline 1, from 0/3000060, slot keel_wal,"
                                                + " as a synchronous standby"),
                        line -> assertThat(line).isEqualTo("keel: stored 000000010000000000000003"),
                        line -> assertThat(line).isEqualTo("keel: warning: the slot lags"),
                        line -> assertThat(line).isEqualTo("keel: lost the connection; retrying in 5 s"));
    }
}
