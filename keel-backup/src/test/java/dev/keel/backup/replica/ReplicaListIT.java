package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list the CLI, the doctor and the agent share: a standby connected now with its lag and slot, and a replica keel
 * recorded that is gone, with the WAL its slot keeps; keel's own WAL receiver left out when named.
 */
@WithPostgres
class ReplicaListIT {

    @Test
    void aConnectedStandbyAndARecordedReplicaThatIsGone(TestCluster primary) throws Exception {
        try (Connection c = primary.connect()) {
            ReplicaSlot.create(c, "gone_slot", "primary");
            ReplicaRegistry.record(
                    c,
                    "keel",
                    new ReplicaRegistry.Entry("gone_slot", "gone_slot", "/srv/gone", "app-1", "stream", null));
        }
        try (TestCluster standby = primary.startStandby()) {
            String receiver = Eventually.await(
                    Duration.ofSeconds(60),
                    "the standby to stream",
                    () -> primary.queryString(
                            "postgres",
                            "select application_name from pg_stat_replication where state = 'streaming'"
                                    // A standby streams before its first reply tells the primary its replay position.
                                    + " and replay_lsn is not null"),
                    name -> name != null);
            primary.execute("postgres", "create table t as select 1 as x");
            try (Connection c = primary.connect()) {
                List<ReplicaStatus> list = ReplicaList.read(c, "keel", null);
                assertThat(list).extracting(ReplicaStatus::name).containsExactlyInAnyOrder(receiver, "gone_slot");
                ReplicaStatus connected = list.stream()
                        .filter(r -> r.name().equals(receiver))
                        .findFirst()
                        .orElseThrow();
                assertThat(connected.connected()).isTrue();
                assertThat(connected.keel()).isFalse();
                assertThat(connected.state()).isEqualTo("streaming");
                assertThat(connected.lagBytes()).isNotNegative();
                assertThat(connected.replayLsn()).contains("/");
                ReplicaStatus gone = list.stream()
                        .filter(r -> r.name().equals("gone_slot"))
                        .findFirst()
                        .orElseThrow();
                assertThat(gone.state()).isEqualTo(ReplicaList.DISCONNECTED);
                assertThat(gone.keel()).isTrue();
                assertThat(gone.slot()).isEqualTo("gone_slot");
                assertThat(gone.retainedBytes()).isPositive();
                assertThat(gone.targetDir()).isEqualTo("/srv/gone");

                assertThat(ReplicaList.read(c, "keel", receiver))
                        .extracting(ReplicaStatus::name)
                        .containsExactly("gone_slot");

                ReplicaRegistry.forgetQuietly(c, "keel", "gone_slot");
                ReplicaSlot.dropQuietly(c, "gone_slot");
                assertThat(ReplicaList.read(c, "keel", receiver)).isEmpty();
            }
        }
    }

    @Test
    void withoutTheRegistryOnlyConnectedStandbysAreListed(TestCluster primary) throws Exception {
        try (Connection c = primary.connect()) {
            assertThat(ReplicaRegistry.read(c, "no_such_schema")).isEmpty();
            assertThat(ReplicaList.read(c, "no_such_schema", null)).isEmpty();
        }
    }
}
