package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplicaRequestTest {
    @Test
    void aBackupAndAStreamTogetherAreRefusedWhicheverComesFirst() {
        ReplicaRequest request = ReplicaRequest.into(Path.of("r"));
        assertThatThrownBy(() -> request.fromBackup("20260101T000000Z").stream())
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(BackupError.REPLICA_SOURCE_CONFLICT));
        assertThatThrownBy(() -> request.stream().fromBackup(null)).isInstanceOf(KeelException.class);
    }

    @Test
    void eachSetterKeepsWhatTheOthersSet() {
        ReplicaRequest request =
                ReplicaRequest.into(Path.of("r")).fromBackup("b1").slot("s").start();
        assertThat(request.source()).isEqualTo(ReplicaSource.FROM_BACKUP);
        assertThat(request.backupId()).isEqualTo("b1");
        assertThat(request.slot()).isEqualTo("s");
        assertThat(request.starting()).isTrue();
        assertThat(request.noSlot()).isFalse();
        assertThat(ReplicaRequest.into(Path.of("r")).source()).isNull();
    }
}
