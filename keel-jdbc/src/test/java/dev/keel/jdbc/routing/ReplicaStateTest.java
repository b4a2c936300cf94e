package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicaStateTest {
    private static final long MS = 1_000_000L;
    private final ReplicaState replica = new ReplicaState("r", null, Duration.ofMillis(100), Duration.ofMillis(400));

    @Test
    void afterAFailureThePollWaitsForABackoffThatDoublesUpToItsCeiling() {
        long now = 1_000 * MS;
        replica.failed(now);
        assertThat(replica.dueForPoll(now + 99 * MS)).isFalse();
        assertThat(replica.dueForPoll(now + 100 * MS)).isTrue();
        replica.failed(now);
        assertThat(replica.dueForPoll(now + 199 * MS)).isFalse();
        replica.failed(now);
        replica.failed(now);
        replica.failed(now);
        assertThat(replica.dueForPoll(now + 400 * MS)).isTrue();
    }

    @Test
    void aSuccessfulPollBringsItBackWithTheFreshReplayPosition() {
        replica.polled(500, 0, 0, 0);
        replica.failed(1);
        assertThat(replica.status().replayLsn()).isEmpty();
        replica.polled(300, 0, 0, 2);
        assertThat(replica.up()).isTrue();
        assertThat(replica.replayLsn())
                .as("a restarted replica may be behind where it was")
                .isEqualTo(300);
    }
}
