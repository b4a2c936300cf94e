package dev.keel.jdbc.routing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts reads by target and fallbacks by reason in plain adders (a read pays one increment, no
 * registry lookup), and exposes them, with each replica's lag, to a MeterRegistry when one is given:
 * {@code keel.routing.reads{target}}, {@code keel.routing.fallbacks{reason}},
 * {@code keel.routing.replica.lag.bytes{replica}}, {@code keel.routing.replica.lag.seconds{replica}} and
 * {@code keel.routing.replica.up{replica}} (Prometheus adds {@code _total} to the counters).
 */
final class RoutingMetrics implements AutoCloseable {
    static final String PRIMARY = "primary";

    private final LongAdder primaryReads = new LongAdder();
    private final Map<ReplicaState, LongAdder> replicaReads = new HashMap<>();
    private final Map<FallbackReason, LongAdder> fallbacks = new EnumMap<>(FallbackReason.class);
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    RoutingMetrics(List<ReplicaState> replicas, MeterRegistry registry) {
        this.registry = registry;
        for (ReplicaState r : replicas) {
            replicaReads.put(r, new LongAdder());
        }
        for (FallbackReason reason : FallbackReason.values()) {
            fallbacks.put(reason, new LongAdder());
        }
        if (registry == null) {
            return;
        }
        meters.add(readCounter(PRIMARY, primaryReads));
        for (ReplicaState r : replicas) {
            meters.add(readCounter(r.name(), replicaReads.get(r)));
            meters.add(Gauge.builder("keel.routing.replica.lag.bytes", r, ReplicaState::lagBytes)
                    .tag("replica", r.name())
                    .description("WAL bytes the replica has not replayed yet, as the router last saw it")
                    .baseUnit("bytes")
                    .register(registry));
            meters.add(Gauge.builder(
                            "keel.routing.replica.lag.seconds",
                            r,
                            s -> s.status().lagSeconds())
                    .tag("replica", r.name())
                    .description("How long ago the primary had written what the replica has not replayed yet")
                    .baseUnit("seconds")
                    .register(registry));
            meters.add(Gauge.builder("keel.routing.replica.up", r, s -> s.up() ? 1 : 0)
                    .tag("replica", r.name())
                    .description("1 when the replica may serve reads, 0 when it is down or ejected")
                    .register(registry));
        }
        for (FallbackReason reason : FallbackReason.values()) {
            meters.add(FunctionCounter.builder("keel.routing.fallbacks", fallbacks.get(reason), LongAdder::doubleValue)
                    .tag("reason", reason.tag())
                    .description("Reads sent to the primary, by why no replica served them")
                    .register(registry));
        }
    }

    private Meter readCounter(String target, LongAdder adder) {
        return FunctionCounter.builder("keel.routing.reads", adder, LongAdder::doubleValue)
                .tag("target", target)
                .description("Read-only connections, by the server that served them")
                .register(registry);
    }

    void readOnReplica(ReplicaState replica) {
        replicaReads.get(replica).increment();
    }

    void readOnPrimary(FallbackReason reason) {
        primaryReads.increment();
        fallbacks.get(reason).increment();
    }

    long reads(String target) {
        if (PRIMARY.equals(target)) {
            return primaryReads.sum();
        }
        for (Map.Entry<ReplicaState, LongAdder> e : replicaReads.entrySet()) {
            if (e.getKey().name().equals(target)) {
                return e.getValue().sum();
            }
        }
        return 0;
    }

    long fallbacks(FallbackReason reason) {
        return fallbacks.get(reason).sum();
    }

    @Override
    public void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }
}
