package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DropConstraintTest {

    @Test
    void dropsAtCompleteOnly(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - drop_constraint: {table: items, name: items_pkey}\n");
        h.start();
        h.rollback();
        h.start();
        assertThat(h.query("select count(*) from pg_constraint where conname = 'items_pkey'"))
                .isEqualTo("1");
        h.complete();
        assertThat(h.query("select count(*) from pg_constraint where conname = 'items_pkey'"))
                .isEqualTo("0");
    }
}
