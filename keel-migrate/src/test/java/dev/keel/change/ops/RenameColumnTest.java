package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class RenameColumnTest {

    @Test
    void bothNamesWorkUntilCompleteRenamesTheColumn(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - rename_column: {table: items, from: note, to: remark}\n");
        h.start();
        assertThat(h.viewColumns("public_v2", "items")).isEqualTo("id,name,price,remark");
        h.next("insert into items (name, remark) values ('a', 'via new')");
        h.old("update items set note = 'via old' where id = 1");
        assertThat(h.query("select remark from public_v2.items where id = 1")).isEqualTo("via old");
        assertThat(h.query("select note from items where name = 'a'")).isEqualTo("via new");
        h.rollback();
        assertThat(h.columns("items")).isEqualTo("id,name,price,note");
        h.start().complete();
        assertThat(h.columns("items")).isEqualTo("id,name,price,remark");
        assertThat(h.query("select count(*) from public_v2.items where remark is not null"))
                .isEqualTo("21");
    }
}
