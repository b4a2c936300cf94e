package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class SetReplicaIdentityTest {

    @Test
    void setsAtStartAndRollbackRestores(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - set_replica_identity: {table: items, identity: full}\n");
        h.start();
        assertThat(h.query("select relreplident from pg_class where oid = 'items'::regclass"))
                .isEqualTo("f");
        h.rollback();
        assertThat(h.query("select relreplident from pg_class where oid = 'items'::regclass"))
                .isEqualTo("d");
        h.start().complete();
    }
}
