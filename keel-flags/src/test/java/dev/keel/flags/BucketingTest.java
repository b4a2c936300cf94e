package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketingTest {
    private static final int SUBJECTS = 100_000;

    @Test
    void aSubjectEnabledAtTenPercentStaysEnabledAsTheRolloutGrows() {
        List<String> enabledAtTen = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            if (Bucketing.covers(Rollout.parse("10%"), "checkout-v8", "user-" + i)) {
                enabledAtTen.add("user-" + i);
            }
        }
        for (String percent : List.of("20%", "50%", "99.99%", "on")) {
            Rollout wider = Rollout.parse(percent);
            assertThat(enabledAtTen)
                    .as("subjects enabled at 10% that " + percent + " drops")
                    .allMatch(s -> Bucketing.covers(wider, "checkout-v8", s));
        }
    }

    @Test
    void theShareEnabledIsWithinOnePercentOfTheRolloutOverAHundredThousandSubjects() {
        for (String percent : List.of("0.5%", "1%", "10%", "25%", "50%", "90%")) {
            Rollout rollout = Rollout.parse(percent);
            int enabled = 0;
            for (int i = 0; i < SUBJECTS; i++) {
                if (Bucketing.covers(rollout, "checkout-v8", "user-" + i)) {
                    enabled++;
                }
            }
            double share = enabled * 100.0 / SUBJECTS;
            double wanted = rollout.basisPoints() / 100.0;
            assertThat(Math.abs(share - wanted))
                    .as("%s asked, %.3f%% of %d subjects enabled", percent, share, SUBJECTS)
                    .isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void offEnablesNobodyAndOnEveryone() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Bucketing.covers(Rollout.OFF, "f", "s" + i)).isFalse();
            assertThat(Bucketing.covers(Rollout.ON, "f", "s" + i)).isTrue();
        }
    }

    @Test
    void theBucketDependsOnlyOnFlagAndSubjectAndStaysInRange() {
        assertThat(Bucketing.bucket("checkout-v8", "alice")).isEqualTo(Bucketing.bucket("checkout-v8", "alice"));
        for (int i = 0; i < 10_000; i++) {
            assertThat(Bucketing.bucket("f", "s" + i)).isBetween(0, Bucketing.BUCKETS - 1);
        }
    }

    @Test
    void twoFlagsAtTenPercentDoNotPickTheSameSubjects() {
        int both = 0;
        int first = 0;
        Rollout ten = Rollout.parse("10%");
        for (int i = 0; i < SUBJECTS; i++) {
            boolean a = Bucketing.covers(ten, "search-v2", "user-" + i);
            if (a) {
                first++;
                both += Bucketing.covers(ten, "checkout-v8", "user-" + i) ? 1 : 0;
            }
        }
        // Independent flags overlap on about a tenth of the first flag's subjects, not on all of them.
        assertThat(both)
                .as("%d of %d subjects of one flag also in the other", both, first)
                .isLessThan(first / 5);
    }

    @Test
    void nameAndSubjectAreSeparatedSoTheirBoundaryMatters() {
        List<Integer> buckets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            buckets.add(Bucketing.bucket("ab" + i, "c") - Bucketing.bucket("a", "b" + i + "c"));
        }
        assertThat(buckets).anyMatch(d -> d != 0);
    }
}
