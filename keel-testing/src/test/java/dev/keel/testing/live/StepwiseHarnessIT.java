package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness without load drives the hand-written rename one verb at a time: a test writes through either version
 * between the verbs, and a verb that leaves behind what it must remove fails the run.
 */
@WithPostgres
class StepwiseHarnessIT {
    private final TestCluster cluster;
    private String db;
    private HandWrittenRename rename;

    StepwiseHarnessIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void table() {
        db = cluster.createDatabase();
        HandWrittenRename.createTable(cluster, db, 20);
        rename = new HandWrittenRename(new PlainDdl(cluster, db, new Random(1)));
    }

    private OperationHarness harness(ChangeStep complete) {
        return OperationHarness.on(cluster.jdbcUrl(db))
                .versions("public_v1", "public_v2")
                .verbs(
                        () -> {
                            rename.start();
                            rename.backfill();
                        },
                        rename::rollback,
                        complete);
    }

    @Test
    void startRollbackStartCompleteWithWritesThroughBothVersions() {
        OperationHarness h = harness(rename::complete);
        h.start();
        assertThat(h.viewColumns("public_v2", "orders")).isEqualTo("id,comment");
        h.next("insert into orders (id, comment) values (21, 'via new')");
        h.old("update orders set note = 'via old' where id = 1");
        assertThat(h.query("select comment from public_v2.orders where id = 1")).isEqualTo("via old");
        h.rollback();
        assertThat(h.columns("orders")).isEqualTo("id,note");
        assertThat(h.query("select note from orders where id = 21")).isEqualTo("via new");
        h.start().complete();
        assertThat(h.columns("orders")).isEqualTo("id,comment");
    }

    @Test
    void aCompleteThatKeepsTheOldVersionsSchemaFailsTheRun() {
        OperationHarness h = harness(() -> {});
        h.start();
        assertThatThrownBy(h::complete).isInstanceOf(AssertionError.class);
    }
}
