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

/** rename_table under live load: the old version uses orders, the new one purchases, on the same rows. */
@WithPostgres
@WithSeededRandom
class RenameTableLiveIT {
    private static final String CHANGE = "operations:\n  - rename_table: {from: orders, to: purchases}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("purchases", "id", "note", ValueSource.text()))
            .compare("select id, note from orders order by id", "select id, note from purchases order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.columns("purchases")).isEqualTo("id bigint not null, note text, amount integer not null");
        assertThat(change.query("select to_regclass('public.orders') is null")).isEqualTo("t");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
    }
}
