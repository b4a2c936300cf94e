package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateMaterializedViewTest {
    static final String CHANGE = "operations:\n  - create_materialized_view: {name: product_totals, query: \"SELECT"
            + " product_id, count(*) AS orders FROM orders GROUP BY product_id\", unique: [product_id], refresh: 1h}\n";

    @Test
    void startCreatesFillsAndRegistersItAndRollbackDropsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, CreateSummaryTest.ORDERS, CHANGE);
        h.start();
        assertThat(h.query(
                        "select string_agg(product_id || ':' || orders, ',' order by product_id) from product_totals"))
                .isEqualTo("0:500,1:500,2:500,3:500");
        assertThat(h.query("select indisunique from pg_index where indrelid = 'product_totals'::regclass"))
                .isEqualTo("t");
        assertThat(h.query("select kind || ' ' || state || ' ' || (last_refreshed is not null) from keel.projections"))
                .isEqualTo("materialized_view ready true");

        h.rollback();
        assertThat(h.query("select to_regclass('product_totals') is null")).isEqualTo("t");
        assertThat(h.query("select count(*) from keel.projections")).isEqualTo("0");
    }

    @Test
    void uniqueColumnsTheResultLacksAreAFinding(TestCluster cluster, @TempDir Path dir) throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                CreateSummaryTest.ORDERS,
                "operations:\n  - create_materialized_view: {name: t, query: \"SELECT product_id, count(*) FROM orders"
                        + " GROUP BY product_id\", unique: [product], refresh: 1h}\n");

        assertThatThrownBy(() -> project.keel().migrate())
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("unique: [product] over the query's result does not compile");
    }
}
