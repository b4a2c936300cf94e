package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class AddColumnTest {

    @Test
    void aNotNullColumnFilledByUpIsHiddenFromTheOldVersionUntilComplete(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - add_column:\n      table: items\n      up: \"upper(name)\"\n"
                        + "      column: {name: label, type: text, nullable: false}\n");
        h.start();
        assertThat(h.query("select count(*) from public_v2.items where label = upper(name)"))
                .isEqualTo("20");
        assertThat(h.viewColumns("public_v1", "items")).isEqualTo("id,name,price,note");
        h.old("insert into items (name) values ('old')");
        assertThat(h.query("select label from public_v2.items where name = 'old'"))
                .isEqualTo("OLD");
        h.next("insert into items (name, label) values ('new', 'mine')");
        assertThat(h.query("select label from public_v2.items where name = 'new'"))
                .isEqualTo("mine");
        h.rollback();
        assertThat(h.columns("items")).isEqualTo("id,name,price,note");
        assertThat(h.query("select count(*) from items")).isEqualTo("22");
        h.start().complete();
        assertThat(h.columns("items")).isEqualTo("id,name,price,note,label");
        assertThat(h.query(
                        "select attnotnull from pg_attribute where attrelid = 'items'::regclass and attname = 'label'"))
                .isEqualTo("t");
    }
}
