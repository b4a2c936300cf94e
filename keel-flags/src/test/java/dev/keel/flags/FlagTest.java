package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagTest {

    @Test
    void anAllowListedSubjectHasTheFlagEvenWhenItIsOff() {
        Flag flag = new Flag("checkout-v8", Rollout.OFF, List.of("alice"), null, null, "keel");

        assertThat(flag.enabledFor("alice")).isTrue();
        assertThat(flag.enabledFor("bob")).isFalse();
    }

    @Test
    void otherSubjectsFollowTheirBucket() {
        Flag flag = new Flag("checkout-v8", Rollout.parse("50%"), List.of(), null, null, "keel");

        for (int i = 0; i < 100; i++) {
            String subject = "user-" + i;
            assertThat(flag.enabledFor(subject)).isEqualTo(Bucketing.bucket("checkout-v8", subject) < 5000);
        }
    }

    @Test
    void withoutASubjectOnlyOnMeansEnabled() {
        assertThat(new Flag("f", Rollout.ON, List.of(), null, null, "k").enabledFor(null))
                .isTrue();
        assertThat(new Flag("f", Rollout.parse("99%"), List.of(), null, null, "k").enabledFor(null))
                .isFalse();
    }
}
