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
 * partition_table under live load: both versions write orders while its rows are copied into the new partitioned
 * table; once the backfill is done the new table holds every row of the old one, once and the same (compared through
 * the new version's connection), and after complete orders is the partitioned table.
 */
@WithPostgres
@WithSeededRandom
class PartitionTableLiveIT {
    private static final String CHANGE = "operations:\n  - partition_table:\n      table: orders\n"
            + "      partition_by: {column: id, interval: 1000, premake: 2}\n";

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .backfilling()
            .versions(
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()),
                    ShapeSql.forColumns("orders", "id", "note", ValueSource.text()))
            .compare(
                    "select id, note, amount from orders order by id",
                    "select id, note, amount from public.orders_keel_part order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select relkind from pg_class where oid = 'public.orders'::regclass"))
                .isEqualTo("p");
        assertThat(change.columns("orders")).isEqualTo("id bigint not null, note text, amount integer not null");
        assertThat(change.query("select count(*) = count(distinct id) from orders"))
                .isEqualTo("t");
        assertThat(change.query("explain (costs off) select * from orders where id between 1500 and 1600"))
                .as("a query by key reads one partition")
                .contains("orders_p1000");
        assertThat(change.query("select parent from keel.partition_sets")).isEqualTo("orders");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select relkind from pg_class where oid = 'public.orders'::regclass"))
                .isEqualTo("r");
        assertThat(change.query("select to_regclass('public.orders_keel_part') is null"))
                .isEqualTo("t");
    }
}
