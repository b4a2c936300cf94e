package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class AddConstraintTest {

    @Test
    void aCheckIsNotValidUntilComplete(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - add_constraint: {table: items, name: price_positive, type: check, check: \"price > 0\"}\n");
        h.start();
        assertThat(h.query("select convalidated from pg_constraint where conname = 'price_positive'"))
                .isEqualTo("f");
        h.rollback();
        assertThat(h.query("select count(*) from pg_constraint where conname = 'price_positive'"))
                .isEqualTo("0");
        h.start().complete();
        assertThat(h.query("select convalidated from pg_constraint where conname = 'price_positive'"))
                .isEqualTo("t");
    }
}
