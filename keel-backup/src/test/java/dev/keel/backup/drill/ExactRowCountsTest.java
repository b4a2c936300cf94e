package dev.keel.backup.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.RestoreResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a drill insists on exact row counts: only when recovery stopped at the backup's end. */
class ExactRowCountsTest {
    private static final Instant STOP = Instant.parse("2026-03-01T12:00:00Z");
    private static final BackupManifest BACKUP = new BackupManifest(
            1,
            "b",
            BackupType.FULL,
            null,
            1,
            "0/2000028",
            "0/2000138",
            STOP.minusSeconds(5),
            STOP,
            "17.2",
            "1",
            List.of(),
            Map.of());

    @Test
    void theBackupsStopLsnIsItsEnd() {
        assertThat(Drill.stoppedAtBackupEnd(RecoveryTarget.parse("0/2000138"), BACKUP, restored(STOP.plusSeconds(60))))
                .isTrue();
        assertThat(Drill.stoppedAtBackupEnd(RecoveryTarget.parse("0/3000000"), BACKUP, restored(null)))
                .isFalse();
    }

    @Test
    void latestIsTheEndOnlyWhenNoLaterTransactionWasReplayed() {
        assertThat(Drill.stoppedAtBackupEnd(RecoveryTarget.parse("latest"), BACKUP, restored(null)))
                .isTrue();
        assertThat(Drill.stoppedAtBackupEnd(RecoveryTarget.parse("latest"), BACKUP, restored(STOP.minusSeconds(1))))
                .isTrue();
        assertThat(Drill.stoppedAtBackupEnd(RecoveryTarget.parse("latest"), BACKUP, restored(STOP.plusSeconds(1))))
                .isFalse();
    }

    private static RestoreResult restored(Instant lastTransaction) {
        return new RestoreResult(
                "b",
                STOP,
                "latest",
                "/tmp/x",
                "/usr/bin",
                "0/2000200",
                lastTransaction == null ? null : OffsetDateTime.ofInstant(lastTransaction, ZoneOffset.UTC),
                2,
                "17.2",
                0,
                false,
                null,
                null,
                0,
                0,
                true,
                null);
    }
}
