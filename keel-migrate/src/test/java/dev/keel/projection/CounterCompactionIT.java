package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.MigrateOptions;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CounterCompactionIT {

    private static CounterProject counted(TestCluster cluster, Path dir) throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(MigrateOptions.defaults().completing());
        return project;
    }

    @Test
    void leavesOneBaseRowPerGroupTheNullGroupIncluded(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        for (int i = 0; i < 3; i++) {
            cluster.execute(
                    project.db,
                    "insert into orders (writer, user_id, amount) values (1, null, 5), (1, 1, 5), (1, 2, 5)");
        }
        cluster.execute(project.db, "delete from orders where user_id = 3 and id % 80 = 3");

        CounterCompaction.Result result =
                project.projections().compact("orders_per_user").counters().get(0);

        assertThat(result.deltasFolded()).isEqualTo(3 * 3 + 1);
        assertThat(result.groupsWritten()).isEqualTo(4);
        assertThat(project.query("select count(*) from orders_per_user_stripes"))
                .isEqualTo(project.query("select count(*) from orders_per_user"));
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        assertThat(project.query("select last_compacted is not null from keel.projections"))
                .isEqualTo("t");
    }

    @Test
    void aGroupWhoseRowsAreAllGoneLeavesNoRow(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        cluster.execute(project.db, "delete from orders where user_id is null");

        project.projections().compact(null);

        assertThat(project.query("select count(*) from orders_per_user_stripes where user_id is null"))
                .isEqualTo("0");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }

    @Test
    void skipsWhileAnotherCompactionHoldsTheCountersLock(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        cluster.execute(project.db, "insert into orders (writer, user_id, amount) values (1, 1, 5)");
        CounterDefinition counter =
                CounterDefinition.fromJson(project.query("select definition from keel.projections"));
        try (Connection other = cluster.connect(project.db);
                Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            assertThat(CounterLock.tryTake(other, counter)).isTrue();

            CounterCompaction.Result result =
                    project.projections().compact(null).counters().get(0);

            assertThat(result.skipped()).isEqualTo("another compaction of it is running");
            other.rollback();
        }
        assertThat(project.projections().compact(null).counters().get(0).deltasFolded())
                .isEqualTo(1);
    }
}
