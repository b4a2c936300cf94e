package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplicaSlotTest {
    @Test
    void theDefaultNameIsTheDirectorysMadeAValidSlotName() {
        assertThat(ReplicaSlot.defaultName(Path.of("/srv/Replica-1"))).isEqualTo("keel_replica_replica_1");
        assertThat(ReplicaSlot.defaultName(Path.of("/srv/" + "x".repeat(80)))).hasSize(63);
    }

    @Test
    void anInvalidNameIsRefusedWithItsCode() {
        assertThatThrownBy(() -> ReplicaSlot.requireValid("Bad-Name"))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(BackupError.SLOT_INVALID));
    }
}
