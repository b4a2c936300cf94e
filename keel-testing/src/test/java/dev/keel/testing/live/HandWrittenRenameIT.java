package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness passes a careful hand-written expand/contract rename under live load from both
 * application versions, both to the end and rolled back: what every keel operation must also pass.
 */
@WithPostgres
@WithSeededRandom
class HandWrittenRenameIT {
    private static final int ROWS = 5000;
    private final TestCluster cluster;
    private String db;

    HandWrittenRenameIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void table() {
        db = cluster.createDatabase();
        HandWrittenRename.createTable(cluster, db, ROWS);
    }

    @Test
    void startBackfillCompleteRunsWithoutAFailureOrALongWait(Random random) {
        HandWrittenRename rename = new HandWrittenRename(new PlainDdl(cluster, db, new Random(random.nextLong())));
        LiveLoadReport report = harness(random).startThenComplete(rename::start, rename::backfill, rename::complete);

        assertThat(report.steps()).contains("start", "backfill", "complete");
        assertThat(report.statements()).isPositive();
        assertThat(report.latencies()).containsKeys("old read", "old update", "new read", "new update");
        assertThat(report.comparisons())
                .singleElement()
                .satisfies(c -> assertThat(c.leftRows()).isGreaterThan(ROWS / 2));
        assertThat(cluster.queryString(
                        db,
                        "select string_agg(attname, ',' order by attnum) from pg_attribute"
                                + " where attrelid = 'orders'::regclass and attnum > 0 and not attisdropped"))
                .isEqualTo("id,comment");
    }

    @Test
    void startBackfillRollbackKeepsEveryRowInTheOldShape(Random random) {
        HandWrittenRename rename = new HandWrittenRename(new PlainDdl(cluster, db, new Random(random.nextLong())));
        harness(random).startThenRollback(rename::start, rename::backfill, rename::rollback);

        assertThat(cluster.queryString(db, "select count(*) from orders where note is null"))
                .as("rows the new version wrote carry their value in the old column")
                .isEqualTo("0");
        assertThat(cluster.queryString(db, "select count(*) from pg_namespace where nspname like 'public_v%'"))
                .isEqualTo("0");
    }

    private OperationHarness harness(Random random) {
        return OperationHarness.on(cluster.jdbcUrl(db), random)
                .existingRows(ROWS)
                .oldSide(Side.of(
                        "old",
                        HandWrittenRename.OLD_PATH,
                        ShapeSql.forColumns("orders", "id", "note", ValueSource.text())))
                .newSide(Side.of(
                        "new",
                        HandWrittenRename.NEW_PATH,
                        ShapeSql.forColumns("orders", "id", "comment", ValueSource.text())))
                .compare("select * from orders order by id");
    }
}
