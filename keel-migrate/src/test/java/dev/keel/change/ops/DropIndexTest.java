package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DropIndexTest {

    @Test
    void dropsAtCompleteOnly(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, "operations:\n  - drop_index: {name: items_pkey}\n");
        h.start().rollback().start();
        assertThat(h.query("select to_regclass('items_pkey') is null")).isEqualTo("f");
    }
}
