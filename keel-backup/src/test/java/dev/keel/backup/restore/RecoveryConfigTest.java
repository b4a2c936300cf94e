package dev.keel.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryConfigTest {

    @Test
    void theFastCopyUsedDuringRecoveryIsReplacedByKeelsCommandAfterwards(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postgresql.auto.conf"), "work_mem = '8MB'\n");
        RecoveryConfig.write(dir, "B1", "cp '/tmp/w/%f' '%p'", RecoveryTarget.parse("latest"));

        RecoveryConfig.replaceRestoreCommand(dir, "/opt/keel/keel wal get %f %p");

        String auto = Files.readString(dir.resolve("postgresql.auto.conf"));
        assertThat(auto)
                .startsWith("work_mem = '8MB'\n")
                .contains("restore_command = '/opt/keel/keel wal get %f %p'\n")
                .doesNotContain("cp '/tmp/w/%f'");
        assertThat(auto.lines().filter(l -> l.startsWith("restore_command")).count())
                .isEqualTo(1);
    }
}
