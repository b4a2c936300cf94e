package dev.keel.jdbc.routing;

import static dev.keel.jdbc.routing.ReplicaFixture.applyDelay;
import static dev.keel.jdbc.routing.ReplicaFixture.awaitReplayed;
import static dev.keel.jdbc.routing.ReplicaFixture.awaitReplicaUp;
import static dev.keel.jdbc.routing.ReplicaFixture.bumpVersion;
import static dev.keel.jdbc.routing.ReplicaFixture.createAccounts;
import static dev.keel.jdbc.routing.ReplicaFixture.primaryPosition;
import static dev.keel.jdbc.routing.ReplicaFixture.readVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes against a replica that applies every commit late (recovery_min_apply_delay): eight
 * threads run write-then-read pairs, each under the key of the account it writes. The figure is
 * 100,000 pairs; CI runs {@code keel.routing.pairs} (default 10,000), bench/README.md shows the full run.
 */
@WithPostgres
class DelayedReplicaReadYourWritesIT {
    private static final int PAIRS = Integer.getInteger("keel.routing.pairs", 10_000);
    private static final int THREADS = 8;
    private static final int ACCOUNTS_PER_THREAD = 32;
    private static final int APPLY_DELAY_MS = 500;

    private final TestCluster primary;

    DelayedReplicaReadYourWritesIT(TestCluster primary) {
        this.primary = primary;
    }

    @Test
    void noReadIsStaleWhileTheReplicaLagsAndTheReplicaServesMostReadsOnceCaughtUp() throws Exception {
        String db = primary.createDatabase();
        createAccounts(primary, db, THREADS * ACCOUNTS_PER_THREAD);
        try (TestCluster standby = primary.startStandby();
                HikariDataSource primaryPool = ReplicaFixture.pool(primary, db, THREADS + 2);
                HikariDataSource replicaPool = ReplicaFixture.pool(standby, db, THREADS + 2)) {
            applyDelay(standby, APPLY_DELAY_MS);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (RoutingDataSource ds = RoutingDataSource.builder()
                            .primary(primaryPool)
                            .replica("delayed", replicaPool)
                            .maxLag(Duration.ofMinutes(5))
                            .meterRegistry(registry)
                            .build();
                    RoutingDataSource blind = RoutingDataSource.builder()
                            .primary(primaryPool)
                            .replica("delayed", replicaPool)
                            .maxLag(Duration.ofMinutes(5))
                            .positions(new ForgetfulPositions())
                            .build()) {
                awaitReplicaUp(ds);
                awaitReplicaUp(blind);

                // Without positions the same pairs read the delayed replica: the check below can fail.
                long[] lastWritten = new long[THREADS * ACCOUNTS_PER_THREAD + 1];
                int blindStale = 0;
                for (int id = 1; id <= 20; id++) {
                    lastWritten[id] = bumpVersion(blind, id);
                    if (readVersion(blind, id).version() < lastWritten[id]) {
                        blindStale++;
                    }
                }
                assertThat(blindStale)
                        .as("stale reads of 20 pairs through a router that records no positions")
                        .isPositive();

                Tally lagging = runPhase(ds, lastWritten, true);
                assertThat(lagging.stale.get())
                        .as("stale reads while the replica lags")
                        .isZero();
                assertThat(ds.metrics().fallbacks(FallbackReason.NOT_CAUGHT_UP))
                        .as("reads held on the primary because the replica had not replayed the write")
                        .isPositive();
                assertThat(lagging.reads.get()).isEqualTo(PAIRS);

                System.out.printf(
                        "while lagging: %d pairs, %d reads on the replica, %d held on the primary (not caught up)%n",
                        lagging.reads.get(),
                        lagging.onReplica.get(),
                        ds.metrics().fallbacks(FallbackReason.NOT_CAUGHT_UP));
                awaitReplayed(ds, primaryPosition(primaryPool));
                Tally caughtUp = runPhase(ds, lastWritten, false);
                assertThat(caughtUp.stale.get())
                        .as("stale reads once the replica caught up")
                        .isZero();
                assertThat(caughtUp.onReplica.get())
                        .as("reads served by the replica once it caught up, of " + caughtUp.reads.get())
                        .isGreaterThan(caughtUp.reads.get() / 2);
                System.out.printf(
                        "caught up: %d reads, %d on the replica%n", caughtUp.reads.get(), caughtUp.onReplica.get());
                assertThat(registry.get("keel.routing.reads")
                                .tag("target", "delayed")
                                .functionCounter()
                                .count())
                        .isGreaterThanOrEqualTo(caughtUp.onReplica.get());
            }
        }
    }

    /**
     * Eight threads, each with accounts of its own. With {@code write}, each of the PAIRS steps writes an
     * account and reads it back under that account's key; without, it only reads an account's last write.
     */
    private Tally runPhase(RoutingDataSource ds, long[] lastWritten, boolean write) throws Exception {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                int steps = PAIRS / THREADS + (t < PAIRS % THREADS ? 1 : 0);
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(thread);
                    for (int i = 0; i < steps; i++) {
                        int id = 1 + thread * ACCOUNTS_PER_THREAD + random.nextInt(ACCOUNTS_PER_THREAD);
                        RoutingDataSource.withKey("account-" + id, () -> {
                            if (write) {
                                lastWritten[id] = bumpVersion(ds, id);
                            }
                            ReplicaFixture.Read read = readVersion(ds, id);
                            tally.count(read, lastWritten[id]);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    private static final class Tally {
        final AtomicLong reads = new AtomicLong();
        final AtomicLong stale = new AtomicLong();
        final AtomicLong onReplica = new AtomicLong();

        void count(ReplicaFixture.Read read, long expected) {
            reads.incrementAndGet();
            if (read.version() < expected) {
                stale.incrementAndGet();
            }
            if (read.onReplica()) {
                onReplica.incrementAndGet();
            }
        }
    }

    /** A positions store that never requires anything: routing as if read-your-writes were off. */
    private static final class ForgetfulPositions implements WritePositions {
        @Override
        public void recordWrite(String key, long lsn) {}

        @Override
        public OptionalLong lastWrite(String key) {
            return OptionalLong.empty();
        }
    }
}
