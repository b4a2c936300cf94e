package dev.keel.agent.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class PartitionUpkeepIT {
    private final TestCluster cluster;

    PartitionUpkeepIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void withoutTheRegistryThereIsNothingToRead() throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            assertThat(PartitionUpkeep.read(c, "keel")).isEmpty();
        }
    }

    @Test
    void aSetShowsItsPartitionsThoseAheadOfNowAndItsDefaultPartitionsRows(@TempDir Path dir) throws Exception {
        String db = UpkeepProject.create(cluster, dir);

        PartitionUpkeep.Row set = only(db);

        assertThat(set.qualifiedName()).isEqualTo(UpkeepProject.SET);
        assertThat(set.parentExists()).isTrue();
        assertThat(set.range()).isTrue();
        assertThat(set.keyColumn()).isEqualTo("at");
        assertThat(set.keyType()).isEqualTo("TIMESTAMPTZ");
        assertThat(set.interval()).isEqualTo("1 month");
        assertThat(set.retention()).isEqualTo("12 months");
        assertThat(set.retentionAction()).isEqualTo("drop");
        assertThat(set.premake()).isEqualTo(UpkeepProject.PREMAKE);
        assertThat(set.partitions()).as("the current month and two ahead").isEqualTo(UpkeepProject.PREMAKE + 1);
        assertThat(set.ahead()).isEqualTo((long) UpkeepProject.PREMAKE);
        assertThat(set.defaultRows()).isZero();

        // A hand-made partition far ahead counts; a row no partition takes lands in the default partition.
        cluster.execute(
                db,
                "create table events_far partition of events for values from ('2999-01-01 00:00+00')"
                        + " to ('2999-02-01 00:00+00')");
        cluster.execute(db, "insert into events values (1, '2990-06-01 00:00+00'), (2, '2990-07-01 00:00+00')");
        PartitionUpkeep.Row after = Eventually.await(
                Duration.ofSeconds(30),
                "the statistics to count the default partition's rows",
                () -> only(db),
                r -> r.defaultRows() != null && r.defaultRows() == 2);
        assertThat(after.partitions()).isEqualTo(UpkeepProject.PREMAKE + 2);
        assertThat(after.ahead()).isEqualTo((long) UpkeepProject.PREMAKE + 1);
    }

    @Test
    void aSetWhoseTableWasDroppedByHandShowsNoPartitions(@TempDir Path dir) throws Exception {
        String db = UpkeepProject.create(cluster, dir);
        cluster.execute(db, "drop table events cascade");

        PartitionUpkeep.Row set = only(db);

        assertThat(set.parentExists()).isFalse();
        assertThat(set.partitions()).isZero();
        assertThat(set.ahead()).isZero();
        assertThat(set.defaultRows()).isNull();
    }

    private PartitionUpkeep.Row only(String db) {
        try (Connection c = cluster.connect(db)) {
            List<PartitionUpkeep.Row> rows = PartitionUpkeep.read(c, "keel");
            assertThat(rows).hasSize(1);
            return rows.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
