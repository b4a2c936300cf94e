package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReadRouterTest {
    private static final long SECOND = 1_000_000_000L;

    private final ReplicaState a = replica("a");
    private final ReplicaState b = replica("b");

    @Test
    void withoutReplicasEveryReadGoesToThePrimary() {
        assertThat(new ReadRouter(List.of(), SECOND)
                        .choose(OptionalLong.empty())
                        .reason())
                .isEqualTo(FallbackReason.NO_REPLICA);
    }

    @Test
    void aReplicaNeverSeenUpServesNothing() {
        assertThat(new ReadRouter(List.of(a), SECOND)
                        .choose(OptionalLong.empty())
                        .reason())
                .isEqualTo(FallbackReason.REPLICA_DOWN);
    }

    @Test
    void readsTakeTheReplicasInTurn() {
        a.polled(100, 0, 0, System.nanoTime());
        b.polled(100, 0, 0, System.nanoTime());
        ReadRouter router = new ReadRouter(List.of(a, b), 60 * SECOND);
        ReplicaState first = router.choose(OptionalLong.empty()).replica();
        ReplicaState second = router.choose(OptionalLong.empty()).replica();
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aReplicaBehindTheKeysWriteIsPassedOver() {
        a.polled(100, 0, 0, System.nanoTime());
        b.polled(300, 0, 0, System.nanoTime());
        ReadRouter router = new ReadRouter(List.of(a, b), 60 * SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(router.choose(OptionalLong.of(200)).replica()).isSameAs(b);
        }
        assertThat(router.choose(OptionalLong.of(400)).reason()).isEqualTo(FallbackReason.NOT_CAUGHT_UP);
    }

    @Test
    void aReplicaBeyondTheLagCeilingIsSkipped() {
        a.polled(100, 5_000, 2 * SECOND, System.nanoTime());
        assertThat(new ReadRouter(List.of(a), SECOND)
                        .choose(OptionalLong.empty())
                        .reason())
                .isEqualTo(FallbackReason.LAGGING);
    }

    @Test
    void aReplicaWhosePollsStopSoonCountsAsLagging() {
        a.polled(100, 0, 0, System.nanoTime() - 5 * SECOND);
        assertThat(new ReadRouter(List.of(a), SECOND)
                        .choose(OptionalLong.empty())
                        .reason())
                .isEqualTo(FallbackReason.LAGGING);
    }

    @Test
    void anEjectedReplicaIsDownUntilAPollSucceeds() {
        a.polled(100, 0, 0, System.nanoTime());
        a.failed(System.nanoTime());
        ReadRouter router = new ReadRouter(List.of(a), SECOND);
        assertThat(router.choose(OptionalLong.empty()).reason()).isEqualTo(FallbackReason.REPLICA_DOWN);
        a.polled(100, 0, 0, System.nanoTime());
        assertThat(router.choose(OptionalLong.empty()).replica()).isSameAs(a);
    }

    private static ReplicaState replica(String name) {
        return new ReplicaState(name, null, Duration.ofMillis(100), Duration.ofSeconds(5));
    }
}
