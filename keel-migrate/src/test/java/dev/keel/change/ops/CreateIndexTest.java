package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateIndexTest {

    @Test
    void buildsConcurrentlyAndRollbackDropsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = new OperationHarness(
                cluster,
                dir,
                "operations:\n  - create_index: {name: items_price_idx, table: items, columns: [price]}\n");
        h.start();
        assertThat(h.query("select indisvalid from pg_index where indexrelid = 'items_price_idx'::regclass"))
                .isEqualTo("t");
        h.rollback();
        assertThat(h.query("select to_regclass('items_price_idx') is null")).isEqualTo("t");
        h.start().complete();
        assertThat(h.query("select to_regclass('items_price_idx') is null")).isEqualTo("f");
    }
}
