package dev.keel.change.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import dev.keel.testing.live.ShapeSql;
import dev.keel.testing.live.ValueSource;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add_constraint of a check under live load: added NOT VALID at start (new rows are checked at once), validated at
 * complete without blocking writes.
 */
@WithPostgres
@WithSeededRandom
class AddCheckConstraintLiveIT {
    private static final String CHANGE =
            "operations:\n  - add_constraint: {table: orders, name: orders_amount_not_negative, type: check,"
                    + " check: \"amount >= 0\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()),
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()))
            .compare("select id, amount from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select convalidated from pg_constraint where conname = 'orders_amount_not_negative'"))
                .isEqualTo("t");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select count(*) from pg_constraint where conname = 'orders_amount_not_negative'"))
                .isEqualTo("0");
    }
}
