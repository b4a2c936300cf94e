package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

@WithSeededRandom
class RandomSeedExtensionTest {

    @Test
    void injectsARandom(Random random) {
        assertThat(random).isNotNull();
    }

    @Test
    void aGivenSeedIsReplayedAndNoneGivesAFreshOne() {
        assertThat(RandomSeedExtension.chooseSeed("-42")).isEqualTo(-42L);
        assertThat(RandomSeedExtension.chooseSeed(null)).isNotEqualTo(RandomSeedExtension.chooseSeed(""));
        assertThatThrownBy(() -> RandomSeedExtension.chooseSeed("soon"))
                .hasMessageContaining("-Dkeel.test.seed=soon is not a whole number");
    }

    @Test
    void aFailureCarriesTheSeedAndHowToReplayIt() {
        Throwable failed = RandomSeedExtension.withSeed(new AssertionError("expected 3 but was 4"), 1234L);
        assertThat(failed)
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "random seed 1234 (replay: -Dkeel.test.seed=1234): java.lang.AssertionError: expected 3 but was 4");
        assertThat(failed.getCause()).hasMessage("expected 3 but was 4");
    }

    @Test
    void aSkippedTestStaysSkipped() {
        TestAbortedException skipped = new TestAbortedException("no hypopg");
        assertThat(RandomSeedExtension.withSeed(skipped, 1L)).isSameAs(skipped);
    }
}
