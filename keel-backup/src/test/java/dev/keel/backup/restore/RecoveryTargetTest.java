package dev.keel.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryTargetTest {

    @Test
    void theFormOfTheTextDecidesTheKindOfTarget() {
        assertThat(RecoveryTarget.parse("latest").settings())
                .containsExactly(Map.entry("recovery_target_timeline", "latest"));
        assertThat(RecoveryTarget.parse("0/3044a20").settings())
                .containsEntry("recovery_target_lsn", "0/3044A20")
                .containsEntry("recovery_target_action", "promote");
        assertThat(RecoveryTarget.parse("2026-01-24T10:15:00+00").settings())
                .containsEntry("recovery_target_time", "2026-01-24 10:15:00+00");
        assertThat(RecoveryTarget.parse("before-deploy-42").settings())
                .containsEntry("recovery_target_name", "before-deploy-42");
    }

    @Test
    void aQuoteCannotReachTheConfigurationFile() {
        assertThatThrownBy(() -> RecoveryTarget.parse("x' or restore_command='rm"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNewestBackupThatEndedBeforeTheTargetIsChosen() {
        assertThat(BackupChoice.instant("2026-01-24 10:15:00.5+00")).contains(Instant.parse("2026-01-24T10:15:00.5Z"));
        assertThat(BackupChoice.instant("2026-01-24 10:15:00")).isEmpty();
        assertThat(BackupChoice.compareLsn("0/FFFFFFFF", "1/0")).isNegative();
    }
}
