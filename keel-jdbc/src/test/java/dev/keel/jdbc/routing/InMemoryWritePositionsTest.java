package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InMemoryWritePositionsTest {
    private final InMemoryWritePositions positions = new InMemoryWritePositions();

    @Test
    void aKeyThatNeverWroteRequiresNothing() {
        assertThat(positions.lastWrite("nobody")).isEmpty();
    }

    @Test
    void anOlderPositionNeverReplacesANewerOne() {
        positions.recordWrite("alice", 200);
        positions.recordWrite("alice", 100);
        assertThat(positions.lastWrite("alice")).isEqualTo(OptionalLong.of(200));
    }

    @Test
    void forgottenPositionsLeaveAFloorEveryKeyStillOwes() {
        positions.recordWrite("alice", 100);
        positions.recordWrite("bob", 300);
        positions.forgetUpTo(150);
        assertThat(positions.size()).isEqualTo(1);
        assertThat(positions.lastWrite("alice")).isEqualTo(OptionalLong.of(150));
        assertThat(positions.lastWrite("nobody")).isEqualTo(OptionalLong.of(150));
        assertThat(positions.lastWrite("bob")).isEqualTo(OptionalLong.of(300));
    }

    @Test
    void theFloorNeverMovesBack() {
        positions.forgetUpTo(500);
        positions.forgetUpTo(400);
        assertThat(positions.lastWrite("anyone")).isEqualTo(OptionalLong.of(500));
    }
}
