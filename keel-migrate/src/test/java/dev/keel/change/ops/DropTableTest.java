package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DropTableTest {

    @Test
    void theNewVersionNoLongerShowsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, "operations:\n  - drop_table: {name: items}\n");
        h.start();
        assertThat(h.query("select to_regclass('public_v2.items') is null")).isEqualTo("t");
        h.rollback().start().complete();
        assertThat(h.query("select to_regclass('public.items') is null")).isEqualTo("t");
    }
}
