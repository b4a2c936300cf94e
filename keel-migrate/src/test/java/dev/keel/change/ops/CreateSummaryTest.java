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
class CreateSummaryTest {
    static final String ORDERS = "create table orders (id bigserial primary key, created_at timestamptz not null,"
            + " product_id int, amount int);"
            + " insert into orders (created_at, product_id, amount) select timestamptz '2026-11-01 00:00+00' + i *"
            + " interval '37 minutes', i % 4, i from generate_series(1, 2000) i;";
    static final String QUERY = "SELECT date_trunc('day', created_at) AS day, product_id, count(*) AS orders,"
            + " sum(amount) AS revenue FROM orders GROUP BY day, product_id";
    static final String SUMMARY = "operations:\n  - create_summary:\n      name: daily_sales\n      query: \"" + QUERY
            + "\"\n      incremental_by: created_at\n      refresh: 5min\n";
    static final String DIFFERENCE = "select count(*) from ((table daily_sales except all (" + QUERY + ")) union all (("
            + QUERY + ") except all table daily_sales)) d";

    @Test
    void startFillsEveryBucketAndRollbackDropsEverything(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, ORDERS, SUMMARY);
        h.start();
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");
        assertThat(h.query("select count(*) > 30 from daily_sales")).isEqualTo("t");
        assertThat(h.query("select state || ' ' || (last_refreshed is not null) from keel.projections"
                        + " where name = 'daily_sales'"))
                .isEqualTo("ready true");
        assertThat(h.query("select count(*) from daily_sales_pending")).isEqualTo("0");

        h.old("insert into orders (created_at, product_id, amount) values (now(), 1, 5)");
        h.old("delete from orders where id < 10");
        assertThat(h.query("select count(*) from daily_sales_pending")).isEqualTo("2");

        h.rollback();
        assertThat(h.query("select to_regclass('daily_sales') is null and to_regclass('daily_sales_pending') is null"))
                .isEqualTo("t");
        assertThat(h.query("select count(*) from pg_trigger where tgrelid = 'orders'::regclass and not tgisinternal"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from keel.projections")).isEqualTo("0");

        h.start().complete();
        assertThat(h.query(DIFFERENCE)).isEqualTo("0");
    }

    @Test
    void aQueryIncrementalRefreshCannotFollowIsAFindingBeforeAnythingRuns(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                ORDERS,
                "operations:\n  - create_summary:\n      name: s\n      query: \"SELECT date_trunc('day', created_at)"
                        + " AS day, count(*) FROM orders GROUP BY day ORDER BY day\"\n      incremental_by: created_at\n"
                        + "      refresh: 1min\n");

        assertThatThrownBy(() -> project.keel().migrate())
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(MigrateError.CHANGE_INVALID))
                .hasMessageContaining("V2__change.yaml:4:")
                .hasMessageContaining("ORDER picks rows across buckets");
        assertThat(project.harness().query("select to_regclass('s') is null")).isEqualTo("t");
    }

    @Test
    void aNullableIncrementalColumnIsAFinding(TestCluster cluster, @TempDir Path dir) throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                ORDERS + " alter table orders add column shipped_at timestamptz;",
                "operations:\n  - create_summary:\n      name: s\n      query: \"SELECT date_trunc('day', shipped_at)"
                        + " AS day, count(*) FROM orders GROUP BY 1\"\n      incremental_by: shipped_at\n"
                        + "      refresh: 1min\n");

        assertThatThrownBy(() -> project.keel().migrate())
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("V2__change.yaml:5:")
                .hasMessageContaining("shipped_at may be NULL");
    }
}
