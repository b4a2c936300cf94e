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

/** raw_sql under live load: up runs in start's transaction under the lock timeout, down in rollback's. */
@WithPostgres
@WithSeededRandom
class RawSqlLiveIT {
    private static final String CHANGE =
            "operations:\n  - raw_sql: {up: \"create table audit (id bigint primary key)\","
                    + " down: \"drop table audit\"}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()))
            .compare("select id, note from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select to_regclass('public.audit') is null")).isEqualTo("f");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select to_regclass('public.audit') is null")).isEqualTo("t");
    }
}
