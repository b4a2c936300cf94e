package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class RawSqlTest {

    @Test
    void upAtStartDownAtRollback(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - raw_sql: {up: \"create table audit (id int)\", down: \"drop table audit\"}\n");
        h.start();
        assertThat(h.query("select to_regclass('audit') is null")).isEqualTo("f");
        h.rollback();
        assertThat(h.query("select to_regclass('audit') is null")).isEqualTo("t");
        h.start().complete();
    }
}
