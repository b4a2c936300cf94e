package dev.keel.jdbc.routing;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Picks the replica for one read, or says why none may serve it. */
final class ReadRouter {
    private final ReplicaState[] replicas;
    private final long maxLagNanos;
    private final AtomicInteger turn = new AtomicInteger();

    ReadRouter(List<ReplicaState> replicas, long maxLagNanos) {
        this.replicas = replicas.toArray(new ReplicaState[0]);
        this.maxLagNanos = maxLagNanos;
    }

    /** A replica that is up, within the lag ceiling and at or past {@code required}, taken in turn. */
    Route choose(OptionalLong required) {
        int n = replicas.length;
        if (n == 0) {
            return Route.primary(FallbackReason.NO_REPLICA);
        }
        long now = System.nanoTime();
        boolean anyUp = false;
        boolean anyWithinLag = false;
        int start = n == 1 ? 0 : Math.floorMod(turn.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            ReplicaState r = replicas[(start + i) % n];
            if (!r.up()) {
                continue;
            }
            anyUp = true;
            if (r.lagNanos(now) > maxLagNanos) {
                continue;
            }
            anyWithinLag = true;
            if (required.isPresent() && r.replayLsn() < required.getAsLong()) {
                continue;
            }
            return Route.replica(r);
        }
        return Route.primary(
                !anyUp
                        ? FallbackReason.REPLICA_DOWN
                        : !anyWithinLag ? FallbackReason.LAGGING : FallbackReason.NOT_CAUGHT_UP);
    }

    /** A replica to read from, or null and the reason the read goes to the primary. */
    record Route(ReplicaState replica, FallbackReason reason) {
        static Route replica(ReplicaState replica) {
            return new Route(replica, null);
        }

        static Route primary(FallbackReason reason) {
            return new Route(null, reason);
        }
    }
}
