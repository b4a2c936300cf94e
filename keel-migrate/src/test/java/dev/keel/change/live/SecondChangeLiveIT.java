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
 * A change after a completed one, the usual case in a product's life: the old version runs through public_v2, the
 * schema the completed rename left, which start rebuilds as the previous shape while those statements go on.
 */
@WithPostgres
@WithSeededRandom
class SecondChangeLiveIT {
    private static final String FIRST = "operations:\n  - rename_column: {table: orders, from: note, to: comment}\n";
    private static final String CHANGE = "operations:\n  - alter_column: {table: orders, column: amount, type: bigint,"
            + " up: \"amount::bigint\", down: \"amount::int\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .afterCompleted(FIRST)
            .backfilling()
            .versions(
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()),
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()))
            .compare("select id, comment, amount from orders order by id");

    @Test
    void bothVersionsRunThroughStartBackfillAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, comment text, amount bigint not null");
    }

    @Test
    void bothVersionsRunThroughStartBackfillAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, comment text, amount integer not null");
    }
}
