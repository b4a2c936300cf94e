package dev.keel.jdbc.routing;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Picks the replica for one read, or says why none may serve it. */
final class ReadRouter {
    private final ReplicaState[] replicas;
    private final long maxLagNanos;
    private final AtomicInteger turn = new AtomicInteger();

    private final long askWithinNanos;

    /**
     * {@code askWithinNanos}: a replica whose lag is at most this may be asked directly whether it has
     * replayed a key's write that the last poll had not seen (0: never ask).
     */
    ReadRouter(List<ReplicaState> replicas, long maxLagNanos, long askWithinNanos) {
        this.replicas = replicas.toArray(new ReplicaState[0]);
        this.maxLagNanos = maxLagNanos;
        this.askWithinNanos = askWithinNanos;
    }

    /**
     * A replica worth asking directly after {@link #choose} said not caught up: up and at most
     * {@code askWithinNanos} behind, so the write is most likely replayed already and only newer than
     * the last poll. A replica kept behind on purpose (an apply delay) is never asked.
     */
    ReplicaState worthAsking() {
        if (askWithinNanos <= 0) {
            return null;
        }
        long now = System.nanoTime();
        int n = replicas.length;
        int start = n <= 1 ? 0 : Math.floorMod(turn.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            ReplicaState r = replicas[(start + i) % n];
            if (r.up() && r.lagNanos(now) <= askWithinNanos) {
                return r;
            }
        }
        return null;
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
