package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateTableTest {

    @Test
    void onlyTheNewVersionShowsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - create_table: {name: tags, columns: [{name: id, type: bigint, primary_key: true}, {name: label, type: text}]}\n");
        h.start();
        h.next("insert into tags values (1, 'x')");
        assertThat(h.query("select to_regclass('public_v1.tags') is null")).isEqualTo("t");
        h.rollback();
        assertThat(h.query("select to_regclass('public.tags') is null")).isEqualTo("t");
        h.start().complete();
        assertThat(h.query("select count(*) from public_v2.tags")).isEqualTo("0");
    }
}
