package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

class FlagNameTest {

    @Test
    void acceptsShortLowerCaseNames() {
        assertThat(FlagName.check("checkout-v8")).isEqualTo("checkout-v8");
        assertThat(FlagName.check("a.b_c-1")).isEqualTo("a.b_c-1");
    }

    @Test
    void refusesOthersNamingTheRule() {
        for (String bad : new String[] {"", "Checkout", "-x", "a b", "x".repeat(64), "é"}) {
            assertThatThrownBy(() -> FlagName.check(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(FlagError.NAME_INVALID))
                    .hasMessageContaining("lower-case letters");
        }
    }
}
