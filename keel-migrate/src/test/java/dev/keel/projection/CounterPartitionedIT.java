package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.MigrateOptions;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counter on a partitioned table counts with row triggers, which every partition has, so writes are counted however
 * they reach a partition: through the table, into a partition directly, moved between partitions, or into a partition
 * made after the counter.
 */
@WithPostgres
class CounterPartitionedIT {
    static final String SETUP = "create table orders (id bigserial primary key, writer int not null,"
            + " user_id bigint, amount int, status text not null default 'paid') partition by range (id);"
            + " create table orders_a partition of orders for values from (1) to (2001);"
            + " create table orders_b partition of orders for values from (2001) to (4001);"
            + " create table orders_c partition of orders for values from (4001) to (100000);"
            + " create table orders_rest partition of orders default;"
            + " insert into orders (writer, user_id, amount, status) select i % 8, case when i % 13 = 0 then null"
            + " else i % 40 end, i % 1000, case when i % 6 = 0 then 'cancelled' else 'paid' end"
            + " from generate_series(1, 4000) i;";

    @Test
    void everyWayARowReachesAPartitionIsCounted(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = CounterProject.create(cluster, dir, SETUP);
        project.keel.migrate(MigrateOptions.defaults().completing());
        assertThat(project.query(CounterProject.DIFFERENCE)).as("initialised").isEqualTo("0");
        assertThat(project.query("select count(*) from pg_trigger where tgrelid = 'orders_a'::regclass"
                        + " and tgname like 'orders_per_user%'"))
                .as("each partition has the row triggers")
                .isEqualTo("3");

        cluster.execute(
                project.db,
                "insert into orders (writer, user_id, amount) select 1, i % 5, i from generate_series(1, 300) i");
        cluster.execute(project.db, "insert into orders_rest (id, writer, user_id, amount) values (150000, 2, 7, 70)");
        cluster.execute(project.db, "update orders set id = id + 100000 where id between 10 and 30");
        cluster.execute(project.db, "update orders set user_id = user_id + 1 where id % 50 = 0");
        cluster.execute(project.db, "update orders set status = 'cancelled' where id % 70 = 1");
        cluster.execute(project.db, "delete from orders where id % 90 = 2");
        cluster.execute(
                project.db,
                "begin; insert into orders (writer, user_id, amount) values (3, 3, 3); delete from orders_b where"
                        + " id % 7 = 0; rollback");
        cluster.execute(project.db, "create table orders_d partition of orders for values from (200000) to (300000)");
        cluster.execute(
                project.db,
                "insert into orders_d (id, writer, user_id, amount) values (200001, 4, 9, 90), (200002, 4, null, 5)");
        cluster.execute(project.db, "insert into orders (id, writer, user_id, amount) values (200003, 4, 9, 1)");

        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");

        project.projections().compact("orders_per_user");

        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        assertThat(project.projections().verify("orders_per_user", null, false).unrepairedDrift())
                .isFalse();
    }
}
