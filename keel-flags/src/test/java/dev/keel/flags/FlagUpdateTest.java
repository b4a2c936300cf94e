package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagUpdateTest {
    private static final Flag CURRENT = new Flag("f", Rollout.parse("10%"), List.of("alice"), "public_v8", null, "x");

    @Test
    void aNewFlagStartsOffWithoutAllowListOrVersion() {
        Flag flag = new FlagUpdate("f", null, List.of("bob"), null, false).applyTo(null, "keel");

        assertThat(flag.rollout()).isEqualTo(Rollout.OFF);
        assertThat(flag.allow()).containsExactly("bob");
        assertThat(flag.schemaVersion()).isNull();
    }

    @Test
    void whatTheUpdateLeavesOutIsKept() {
        Flag flag = new FlagUpdate("f", Rollout.parse("20%"), null, null, false).applyTo(CURRENT, "keel");

        assertThat(flag.rollout()).hasToString("20%");
        assertThat(flag.allow()).containsExactly("alice");
        assertThat(flag.schemaVersion()).isEqualTo("public_v8");
    }

    @Test
    void anEmptyAllowListClearsItAndTheVersionCanBeUnlinked() {
        Flag flag = new FlagUpdate("f", null, List.of(), null, true).applyTo(CURRENT, "keel");

        assertThat(flag.allow()).isEmpty();
        assertThat(flag.schemaVersion()).isNull();
        assertThat(flag.rollout()).hasToString("10%");
    }

    @Test
    void theAllowListIsSortedWithoutDuplicates() {
        assertThat(new FlagUpdate("f", null, List.of("bob", "alice", "bob"), null, false).allow())
                .containsExactly("alice", "bob");
    }

    @Test
    void changesNothingOnlyWhenEveryPartIsLeftOut() {
        assertThat(new FlagUpdate("f", null, null, null, false).changesNothing())
                .isTrue();
        assertThat(new FlagUpdate("f", null, null, null, true).changesNothing()).isFalse();
    }
}
