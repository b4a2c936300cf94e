package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

class RolloutTest {

    @Test
    void readsOnOffAndPercentages() {
        assertThat(Rollout.parse("on").basisPoints()).isEqualTo(10_000);
        assertThat(Rollout.parse("OFF").basisPoints()).isZero();
        assertThat(Rollout.parse("10%").basisPoints()).isEqualTo(1000);
        assertThat(Rollout.parse("12.5%").basisPoints()).isEqualTo(1250);
        assertThat(Rollout.parse("0.01%").basisPoints()).isEqualTo(1);
        assertThat(Rollout.parse("100%")).isEqualTo(Rollout.ON);
        assertThat(Rollout.parse("0%")).isEqualTo(Rollout.OFF);
    }

    @Test
    void printsTheShortestForm() {
        assertThat(Rollout.parse("10.00%")).hasToString("10%");
        assertThat(Rollout.parse("12.50%")).hasToString("12.5%");
        assertThat(Rollout.parse("100%")).hasToString("on");
        assertThat(Rollout.parse("0%")).hasToString("off");
    }

    @Test
    void refusesWhatIsNotAValueWithOneLineThatSaysWhatIs() {
        for (String bad : new String[] {"maybe", "101%", "-1%", "10", "12.345%", "%", "", "1e1%"}) {
            assertThatThrownBy(() -> Rollout.parse(bad)).as(bad).isInstanceOfSatisfying(KeelException.class, e -> {
                assertThat(e.code()).isEqualTo(FlagError.VALUE_INVALID);
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage()).contains("'" + bad + "'").contains("on, off or a percentage");
            });
        }
    }

    @Test
    void aNegativeShareSaysWhyItIsRefused() {
        assertThatThrownBy(() -> Rollout.parse("-5%"))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("'-5%' is not a flag value: a share cannot be below 0%");
    }
}
