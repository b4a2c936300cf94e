package dev.keel.jdbc.routing;

import static dev.keel.jdbc.routing.ReplicaFixture.PATIENCE;
import static dev.keel.jdbc.routing.ReplicaFixture.awaitReplicaUp;
import static dev.keel.jdbc.routing.ReplicaFixture.createAccounts;
import static dev.keel.jdbc.routing.ReplicaFixture.readVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A replica killed with SIGKILL in the middle of reads: no read fails, and the replica is used again. */
@WithPostgres
class ReplicaCrashIT {
    private static final int READERS = 8;
    private static final int ACCOUNTS = 100;

    private final TestCluster primary;

    ReplicaCrashIT(TestCluster primary) {
        this.primary = primary;
    }

    @Test
    void readsSurviveAReplicaKilledMidwayAndReturnToItWhenItIsBack() throws Exception {
        String db = primary.createDatabase();
        createAccounts(primary, db, ACCOUNTS);
        try (TestCluster standby = primary.startStandby();
                HikariDataSource primaryPool = ReplicaFixture.pool(primary, db, READERS + 2);
                HikariDataSource replicaPool = ReplicaFixture.pool(standby, db, READERS + 2);
                RoutingDataSource ds = RoutingDataSource.builder()
                        .primary(primaryPool)
                        .replica("crashing", replicaPool)
                        .ejectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                        .build()) {
            awaitReplicaUp(ds);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicLong onReplica = new AtomicLong();
            AtomicLong onPrimary = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                running.add(readers.submit(() -> {
                    int id = 1 + reader;
                    while (!stop.get()) {
                        try {
                            boolean replica = readVersion(ds, id).onReplica();
                            (replica ? onReplica : onPrimary).incrementAndGet();
                        } catch (Exception | AssertionError e) {
                            failures.add(e);
                        }
                        id = 1 + (id + READERS) % ACCOUNTS;
                    }
                }));
            }
            try {
                Eventually.await(PATIENCE, "reads on the replica before the kill", onReplica::get, n -> n >= 200);

                standby.kill9();
                long primaryBefore = onPrimary.get();
                Eventually.await(
                        PATIENCE,
                        "reads to continue on the primary after the replica was killed",
                        onPrimary::get,
                        n -> n >= primaryBefore + 200);
                assertThat(ds.metrics().fallbacks(FallbackReason.REPLICA_DOWN)).isPositive();
                assertThat(ds.replicaStatus().get(0).up()).isFalse();

                standby.start();
                long replicaBefore = onReplica.get();
                Eventually.await(
                        PATIENCE,
                        "reads on the replica again after it was started",
                        onReplica::get,
                        n -> n >= replicaBefore + 200);
            } finally {
                stop.set(true);
                readers.shutdown();
                assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(failures).as("reads that failed").isEmpty();
            System.out.printf(
                    "reads: %d on the replica, %d on the primary (%d because the replica was down)%n",
                    onReplica.get(), onPrimary.get(), ds.metrics().fallbacks(FallbackReason.REPLICA_DOWN));
        }
    }
}
