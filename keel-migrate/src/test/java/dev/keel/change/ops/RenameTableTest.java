package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class RenameTableTest {

    @Test
    void theNewVersionShowsTheNewName(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h =
                ItemsChange.harness(cluster, dir, "operations:\n  - rename_table: {from: items, to: products}\n");
        h.start();
        h.next("insert into products (name) values ('via new')");
        assertThat(h.query("select count(*) from items")).isEqualTo("21");
        h.rollback().start().complete();
        assertThat(h.query("select count(*) from public.products")).isEqualTo("21");
    }
}
