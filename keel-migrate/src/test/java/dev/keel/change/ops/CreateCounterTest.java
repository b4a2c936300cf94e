package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateCounterTest {
    static final String ORDERS = "create table orders (id bigserial primary key, user_id bigint, amount int,"
            + " status text not null default 'paid');"
            + " insert into orders (user_id, amount, status) select case when i % 7 = 0 then null else i % 5 end, i,"
            + " case when i % 4 = 0 then 'cancelled' else 'paid' end from generate_series(1, 60) i;";
    static final String COUNTER = "operations:\n  - create_counter: {name: orders_per_user, table: orders,"
            + " group_by: [user_id], sum: amount, where: \"status <> 'cancelled'\"}\n";

    /** Rows of the view that the true aggregate lacks, and the other way round: none when the counter is exact. */
    static final String DIFFERENCE = "select count(*) from ((select user_id, count, sum from orders_per_user"
            + " except select user_id, count(*), sum(amount) from orders where status <> 'cancelled' group by user_id)"
            + " union all (select user_id, count(*), sum(amount) from orders where status <> 'cancelled'"
            + " group by user_id except select user_id, count, sum from orders_per_user)) d";

    @Test
    void countsEveryKindOfWriteThroughBothVersionsAndRollbackDropsIt(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, ORDERS, COUNTER);
        h.start();
        assertThat(h.query("select count(*) from orders_per_user")).isEqualTo("6");
        assertThat(h.query("select count from orders_per_user where user_id is null"))
                .isEqualTo("6");
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");
        assertThat(h.query("select state from keel.projections where name = 'orders_per_user'"))
                .isEqualTo("ready");

        h.old("insert into orders (user_id, amount) values (1, 100), (9, 5), (null, 7)");
        h.next("insert into orders (user_id, amount) values (1, 1)");
        h.old("update orders set user_id = 2 where user_id = 1 and amount < 20");
        h.old("update orders set status = 'cancelled' where id = 2");
        h.old("update orders set amount = amount + 1 where user_id = 3");
        h.old("update orders set user_id = null where id = 3");
        h.old("delete from orders where user_id = 4");
        h.old("insert into orders (id, user_id, amount) values (5, 7, 1), (1000, 7, 2)"
                + " on conflict (id) do update set user_id = excluded.user_id");
        h.old("begin; insert into orders (user_id, amount) values (4, 1000); rollback");
        h.old("begin; insert into orders (user_id, amount) values (8, 1); savepoint a;"
                + " delete from orders where user_id = 2; rollback to a; commit");
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");
        assertThat(h.query("select count from orders_per_user where user_id = 4"))
                .isNull();

        h.old("truncate orders");
        assertThat(h.query("select count(*) from orders_per_user")).isEqualTo("0");
        h.old("insert into orders (user_id, amount) values (5, 5)");
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");

        h.rollback();
        assertThat(h.query("select to_regclass('orders_per_user') is null and to_regclass('orders_per_user_stripes')"
                        + " is null"))
                .isEqualTo("t");
        assertThat(h.query("select count(*) from pg_trigger where tgrelid = 'orders'::regclass"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from keel.projections")).isEqualTo("0");

        h.start().complete();
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");
        h.old("insert into orders (user_id, amount) values (5, 5)");
        assertThat(h.query("select count || '/' || sum from orders_per_user where user_id = 5"))
                .isEqualTo("2/10");
    }

    @Test
    void aCountWithoutSumOrConditionOverTwoColumns(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                ORDERS,
                "operations:\n  - create_counter: {name: by_user_status, table: orders, group_by: [user_id, status]}\n");
        h.start().complete();
        h.old("update orders set status = 'paid' where user_id is null");
        assertThat(h.query("select count(*) from ((select user_id, status, count from by_user_status except"
                        + " select user_id, status, count(*) from orders group by 1, 2) union all (select user_id,"
                        + " status, count(*) from orders group by 1, 2 except select user_id, status, count from"
                        + " by_user_status)) d"))
                .isEqualTo("0");
        assertThat(h.viewColumns("public", "by_user_status")).isEqualTo("user_id,status,count");
    }

    @Test
    void groupAndSumColumnsMayHaveAnyNameTheCounterDoesNotUseItself(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "create table t (id serial primary key, n int, s int, d int);"
                        + " insert into t (n, s, d) select i % 3, i, i from generate_series(1, 12) i;",
                "operations:\n  - create_counter: {name: per_n, table: t, group_by: [n, s], sum: d}\n");
        h.start().complete();
        h.old("update t set n = n + 1, d = d * 2 where id % 2 = 0");
        h.old("delete from t where id = 3");

        assertThat(h.query("select count(*) from ((select n, s, count, sum from per_n except select n, s, count(*),"
                        + " sum(d) from t group by 1, 2) union all (select n, s, count(*), sum(d) from t group by 1, 2"
                        + " except select n, s, count, sum from per_n)) x"))
                .isEqualTo("0");
    }

    @Test
    void aConditionThatDoesNotCompileStopsTheChangeBeforeAnythingRuns(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                ORDERS,
                "operations:\n  - create_counter: {name: c, table: orders, group_by: [user_id], where: \"stat = 1\"}\n");

        assertThatThrownBy(() -> project.keel().migrate())
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(MigrateError.CHANGE_INVALID))
                .hasMessageContaining("V2__change.yaml:2:")
                .hasMessageContaining("where 'stat = 1' does not compile");
        assertThat(project.harness().query("select to_regclass('c_stripes') is null"))
                .isEqualTo("t");
    }
}
