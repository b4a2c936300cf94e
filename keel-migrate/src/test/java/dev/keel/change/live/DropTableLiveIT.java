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

/** drop_table under live load: the old version writes legacy until it retires; the new version never sees it. */
@WithPostgres
@WithSeededRandom
class DropTableLiveIT {
    private static final String SETUP = "create table legacy (id bigint primary key, note text);"
            + " insert into legacy select g, 'l' || g from generate_series(1, 4000) g;";
    private static final String CHANGE = "operations:\n  - drop_table: {name: legacy}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .setup(SETUP)
            .versions(
                    ShapeSql.forColumns("legacy", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()))
            .compare("select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select to_regclass('public.legacy') is null")).isEqualTo("t");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select count(*) from legacy where id > 4000"))
                .as("rows the old version inserted")
                .isNotEqualTo("0");
    }
}
