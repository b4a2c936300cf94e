package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DropColumnTest {

    @Test
    void theNewVersionNoLongerShowsItAndDownFillsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - drop_column: {table: items, column: name, down: \"'unnamed'\"}\n");
        h.start();
        assertThat(h.viewColumns("public_v2", "items")).isEqualTo("id,price,note");
        h.next("insert into items (price) values (5)");
        assertThat(h.query("select name from items where price = 5 and id > 20"))
                .isEqualTo("unnamed");
        h.rollback();
        assertThat(h.columns("items")).isEqualTo("id,name,price,note");
        h.start().complete();
        assertThat(h.columns("items")).isEqualTo("id,price,note");
    }
}
