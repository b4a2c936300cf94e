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

    @Test
    void aTargetBeyondAGapIsReplacedByLatestAndTheRestOfTheSettingsStay(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postgresql.auto.conf"), "recovery_target_name = 'the user''s own'\n");
        RecoveryConfig.write(dir, "B1", "cp /tmp/w/%f %p", RecoveryTarget.parse("2026-01-24 10:20:00+00"));

        RecoveryConfig.replaceTarget(dir, RecoveryTarget.parse("latest"));

        String auto = Files.readString(dir.resolve("postgresql.auto.conf"));
        String ours = auto.substring(auto.indexOf("# added by keel restore"));
        assertThat(auto).startsWith("recovery_target_name = 'the user''s own'\n");
        assertThat(ours)
                .contains("restore_command = 'cp /tmp/w/%f %p'\n", "recovery_target_timeline = 'latest'\n")
                .doesNotContain("recovery_target_time ", "recovery_target_action");
        assertThat(ours.lines()
                        .filter(l -> l.startsWith("recovery_target_timeline"))
                        .count())
                .isEqualTo(1);
    }
}
