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

/** create_index under live load: built concurrently at start, dropped concurrently by rollback. */
@WithPostgres
@WithSeededRandom
class CreateIndexLiveIT {
    private static final String CHANGE =
            "operations:\n  - create_index: {name: orders_note_idx, table: orders, columns: [note]}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()))
            .compare("select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select indisvalid from pg_index where indexrelid = 'orders_note_idx'::regclass"))
                .isEqualTo("t");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select to_regclass('orders_note_idx') is null"))
                .isEqualTo("t");
    }
}
