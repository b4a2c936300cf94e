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

/** drop_column under live load: the old version writes note until it retires, the new one never sees it. */
@WithPostgres
@WithSeededRandom
class DropColumnLiveIT {
    private static final String CHANGE = "operations:\n  - drop_column: {table: orders, column: note}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer()))
            .compare("select id, amount from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, amount integer not null");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
    }
}
