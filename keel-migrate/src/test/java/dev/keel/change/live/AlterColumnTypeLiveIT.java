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
 * alter_column from int to bigint under live load: both versions write amount, the old one into the int column and
 * the new one into its bigint copy, while the backfill converts the existing rows in 16 batches.
 */
@WithPostgres
@WithSeededRandom
class AlterColumnTypeLiveIT {
    private static final String CHANGE = "operations:\n  - alter_column: {table: orders, column: amount, type: bigint,"
            + " up: \"amount::bigint\", down: \"amount::int\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .backfilling()
            .versions(
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()),
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()))
            .compare("select id, amount from orders order by id");

    @Test
    void bothVersionsRunThroughStartBackfillAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount bigint not null");
        assertThat(change.query("select count(*) from orders where id > " + LiveChange.ROWS))
                .as("rows the versions inserted during the change")
                .isNotEqualTo("0");
    }

    @Test
    void bothVersionsRunThroughStartBackfillAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
    }
}
