package dev.keel.jdbc.routing;

import static dev.keel.jdbc.routing.ReplicaFixture.PATIENCE;
import static dev.keel.jdbc.routing.ReplicaFixture.applyDelay;
import static dev.keel.jdbc.routing.ReplicaFixture.awaitReplicaUp;
import static dev.keel.jdbc.routing.ReplicaFixture.bumpVersion;
import static dev.keel.jdbc.routing.ReplicaFixture.createAccounts;
import static dev.keel.jdbc.routing.ReplicaFixture.readVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
class RoutingDataSourceIT {
    private final TestCluster primary;
    private String db;
    private TestCluster standby;
    private HikariDataSource primaryPool;
    private HikariDataSource replicaPool;

    RoutingDataSourceIT(TestCluster primary) {
        this.primary = primary;
    }

    @BeforeEach
    void startStandby() {
        db = primary.createDatabase();
        createAccounts(primary, db, 10);
        standby = primary.startStandby();
        primaryPool = ReplicaFixture.pool(primary, db, 4);
        replicaPool = ReplicaFixture.pool(standby, db, 4);
    }

    @AfterEach
    void stopStandby() {
        replicaPool.close();
        primaryPool.close();
        standby.close();
    }

    @Test
    void readOnlyConnectionsGoToTheReplicaAndTheRestToThePrimary() throws SQLException {
        try (RoutingDataSource ds = router().build()) {
            awaitReplicaUp(ds);
            assertThat(readVersion(ds, 1).onReplica()).isTrue();
            try (Connection c = ds.getConnection()) {
                c.setReadOnly(true);
                assertThat(inRecovery(c)).as("read-only in autocommit mode").isTrue();
                c.setReadOnly(false);
                assertThat(inRecovery(c))
                        .as("the same connection set back to read-write")
                        .isFalse();
            }
            // Unknown work on the primary counts as a write: this key's next reads wait for the replica.
            try (Connection c = ds.getConnection()) {
                assertThat(inRecovery(c)).as("a connection never set read-only").isFalse();
            }
        }
    }

    @Test
    void aKeyReadsTheReplicaOnlyOnceTheReplicaReplayedItsWrite() throws Exception {
        applyDelay(standby, 3_600_000);
        try (RoutingDataSource ds = router().maxLag(Duration.ofHours(2)).build()) {
            awaitReplicaUp(ds);
            long written = RoutingDataSource.withKey("alice", () -> bumpVersion(ds, 1));
            ReplicaFixture.Read alice = RoutingDataSource.withKey("alice", () -> readVersion(ds, 1));
            assertThat(alice.onReplica()).isFalse();
            assertThat(alice.version()).isEqualTo(written);

            ReplicaFixture.Read bob = RoutingDataSource.withKey("bob", () -> readVersion(ds, 1));
            assertThat(bob.onReplica())
                    .as("a key that wrote nothing reads the replica")
                    .isTrue();
            assertThat(bob.version())
                    .as("the replica applies commits an hour late")
                    .isLessThan(written);
            assertThat(ds.metrics().fallbacks(FallbackReason.NOT_CAUGHT_UP)).isEqualTo(1);
        }
    }

    @Test
    void aReplicaBehindTheLagCeilingServesNoReadsUntilItCatchesUp() throws Exception {
        applyDelay(standby, 1000);
        try (RoutingDataSource ds = router().maxLag(Duration.ofMillis(100)).build()) {
            awaitReplicaUp(ds);
            assertThat(readVersion(ds, 1).onReplica()).as("before any write").isTrue();
            // Writes keep coming, each applied a second late: the replica stays a second behind.
            Eventually.await(
                    PATIENCE,
                    "a read under an unrelated key to skip the lagging replica",
                    () -> {
                        try {
                            RoutingDataSource.withKey("writer", () -> bumpVersion(ds, 2));
                            return RoutingDataSource.withKey("bystander", () -> readVersion(ds, 1));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    read -> !read.onReplica());
            assertThat(ds.metrics().fallbacks(FallbackReason.LAGGING)).isPositive();
            assertThat(ds.replicaStatus().get(0).lagSeconds()).isGreaterThan(0.1);

            Eventually.await(
                    PATIENCE,
                    "the replica to serve reads again once writes stop",
                    () -> {
                        try {
                            return RoutingDataSource.withKey("bystander", () -> readVersion(ds, 1));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    ReplicaFixture.Read::onReplica);
        }
    }

    @Test
    void twoRoutersSharingATableOfPositionsReadEachOthersWrites() throws Exception {
        applyDelay(standby, 3_600_000);
        String table = "keel_routing.write_positions";
        try (RoutingDataSource a = router().maxLag(Duration.ofHours(2))
                        .positions(new TableWritePositions(primaryPool, table))
                        .build();
                RoutingDataSource b = router().maxLag(Duration.ofHours(2))
                        .positions(new TableWritePositions(primaryPool, table))
                        .build();
                RoutingDataSource alone = router().maxLag(Duration.ofHours(2)).build()) {
            awaitReplicaUp(a);
            awaitReplicaUp(b);
            awaitReplicaUp(alone);
            long written = RoutingDataSource.withKey("user-7", () -> bumpVersion(a, 7));

            ReplicaFixture.Read throughB = RoutingDataSource.withKey("user-7", () -> readVersion(b, 7));
            assertThat(throughB.version())
                    .as("user-7 reading through the other instance")
                    .isEqualTo(written);
            assertThat(throughB.onReplica()).isFalse();

            ReplicaFixture.Read throughAlone = RoutingDataSource.withKey("user-7", () -> readVersion(alone, 7));
            assertThat(throughAlone.version())
                    .as("an instance with positions of its own misses the write")
                    .isLessThan(written);

            ReplicaFixture.Read otherUser = RoutingDataSource.withKey("user-8", () -> readVersion(b, 8));
            assertThat(otherUser.onReplica())
                    .as("a user who wrote nothing reads the replica")
                    .isTrue();
        }
    }

    @Test
    void readsWritesAndFallbacksAreCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RoutingDataSource ds = router().meterRegistry(registry).build()) {
            awaitReplicaUp(ds);
            for (int i = 0; i < 5; i++) {
                readVersion(ds, 1);
            }
            assertThat(count(registry, "keel.routing.reads", "target", "r1")).isEqualTo(5);
            assertThat(count(registry, "keel.routing.reads", "target", "primary"))
                    .isZero();
            assertThat(registry.get("keel.routing.replica.lag.bytes")
                            .tag("replica", "r1")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(0);
            assertThat(registry.get("keel.routing.replica.lag.seconds")
                            .tag("replica", "r1")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(0);
            assertThat(registry.get("keel.routing.replica.up")
                            .tag("replica", "r1")
                            .gauge()
                            .value())
                    .isEqualTo(1);
        }

        SimpleMeterRegistry alone = new SimpleMeterRegistry();
        try (RoutingDataSource ds = RoutingDataSource.builder()
                .primary(primaryPool)
                .meterRegistry(alone)
                .build()) {
            assertThat(readVersion(ds, 1).onReplica()).isFalse();
            assertThat(count(alone, "keel.routing.fallbacks", "reason", "no_replica"))
                    .isEqualTo(1);
            assertThat(count(alone, "keel.routing.reads", "target", "primary")).isEqualTo(1);
        }
    }

    @Test
    void aReplicaThatCannotBeReachedSendsReadsToThePrimaryWithoutAFailure() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + freePort() + "/" + db + "?connectTimeout=2");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RoutingDataSource ds = RoutingDataSource.builder()
                .primary(primaryPool)
                .replica("gone", nowhere)
                .meterRegistry(registry)
                .build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(readVersion(ds, 1).onReplica()).isFalse();
            }
            assertThat(count(registry, "keel.routing.fallbacks", "reason", "replica_down"))
                    .isEqualTo(3);
            assertThat(registry.get("keel.routing.replica.up")
                            .tag("replica", "gone")
                            .gauge()
                            .value())
                    .isZero();
        }
    }

    @Test
    void autocommitWritesAreRecordedWhenTheConnectionIsClosed() throws Exception {
        applyDelay(standby, 3_600_000);
        try (RoutingDataSource ds = router().maxLag(Duration.ofHours(2)).build()) {
            awaitReplicaUp(ds);
            AtomicBoolean before = new AtomicBoolean();
            RoutingDataSource.withKey("carol", () -> {
                before.set(ds.requiredPosition().isPresent());
                try (Connection c = ds.getConnection();
                        Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE accounts SET version = version + 1 WHERE id = 3");
                }
                return null;
            });
            assertThat(before).isFalse();
            assertThat(RoutingDataSource.withKey("carol", ds::requiredPosition)).isPresent();
            assertThat(RoutingDataSource.withKey(
                            "carol", () -> readVersion(ds, 3).onReplica()))
                    .isFalse();
        }
    }

    private RoutingDataSource.Builder router() {
        return RoutingDataSource.builder().primary(primaryPool).replica("r1", replicaPool);
    }

    private static boolean inRecovery(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static double count(SimpleMeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).functionCounter().count();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
