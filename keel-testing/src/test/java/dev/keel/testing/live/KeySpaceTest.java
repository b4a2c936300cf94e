package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.WithSeededRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

@WithSeededRandom
class KeySpaceTest {

    @Test
    void insertsTakeKeysAfterTheExistingRowsAndOthersPickAnyUsedKey(Random random) {
        KeySpace keys = new KeySpace(10);
        assertThat(keys.fresh()).isEqualTo(11);
        assertThat(keys.fresh()).isEqualTo(12);
        for (int i = 0; i < 1000; i++) {
            assertThat(keys.used(random)).isBetween(1L, 12L);
        }
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThatThrownBy(() -> new KeySpace(0)).hasMessageContaining("at least one row");
    }
}
