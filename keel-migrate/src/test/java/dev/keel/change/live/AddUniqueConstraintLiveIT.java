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
 * add_constraint of a unique constraint under live load: its index is built concurrently at start while both
 * versions write, and complete turns it into the constraint.
 */
@WithPostgres
@WithSeededRandom
class AddUniqueConstraintLiveIT {
    private static final String CHANGE = "operations:\n  - add_constraint: {table: orders, name: orders_note_key,"
            + " type: unique, columns: [note]}\n";
    /** Notes no other row holds (the existing ones are 'note <id>'), so no write breaks the constraint. */
    private static final ValueSource UNIQUE = random -> "u" + random.nextLong();

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", UNIQUE),
                    ShapeSql.forColumns("orders", "id", "note", UNIQUE))
            .compare("select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select contype from pg_constraint where conname = 'orders_note_key'"))
                .isEqualTo("u");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select to_regclass('orders_note_key') is null"))
                .isEqualTo("t");
    }
}
