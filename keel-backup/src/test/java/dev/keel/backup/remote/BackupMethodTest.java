package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

class BackupMethodTest {
    @Test
    void namesParseInAnyCase() {
        assertThat(BackupMethod.parse("Stream")).isEqualTo(BackupMethod.STREAM);
        assertThat(BackupMethod.parse("local")).isEqualTo(BackupMethod.LOCAL);
        assertThatThrownBy(() -> BackupMethod.parse("rsync")).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).contains("auto, local, stream");
        });
    }

    @Test
    void anExplicitMethodIsTakenWithoutAskingTheServer() {
        // The opener would fail the test if it were called.
        assertThat(BackupMethod.STREAM.resolve(db -> {
                    throw new AssertionError("no connection expected");
                }))
                .isEqualTo(BackupMethod.STREAM);
        assertThat(BackupMethod.LOCAL.resolve(db -> {
                    throw new AssertionError("no connection expected");
                }))
                .isEqualTo(BackupMethod.LOCAL);
    }
}
