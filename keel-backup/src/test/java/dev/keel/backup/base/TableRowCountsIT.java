package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts taken many tables to a statement, and by two sessions sharing a snapshot, land on the right table. */
@WithPostgres
class TableRowCountsIT {
    @Test
    void everyTableOfEveryDatabaseGetsItsOwnCount(TestCluster cluster) {
        String first = cluster.createDatabase();
        String second = cluster.createDatabase();
        int tables = TableRowCounts.SHARED_ABOVE + 7;
        cluster.execute(
                first,
                "create schema \"Odd Schema\"; do $$ begin for i in 0.." + (tables - 1) + " loop "
                        + "execute format('create table t%s (id int)', i); "
                        + "execute format('insert into t%s select generate_series(1, %s)', i, i % 5); "
                        + "end loop; end $$; "
                        + "create table \"Odd Schema\".\"Mixed Case\" (id int); "
                        + "insert into \"Odd Schema\".\"Mixed Case\" values (1), (2), (3);"
                        + "create unlogged table skipped (id int); create view v as select 1;");
        cluster.execute(second, "create table only_here (id int); insert into only_here values (1);");

        Map<String, Long> counts =
                TableRowCounts.count(database -> cluster.connect(database == null ? "postgres" : database));

        for (int i = 0; i < tables; i++) {
            assertThat(counts).containsEntry(first + ".public.t" + i, (long) (i % 5));
        }
        assertThat(counts)
                .containsEntry(first + ".Odd Schema.Mixed Case", 3L)
                .containsEntry(second + ".public.only_here", 1L)
                .doesNotContainKey(first + ".public.skipped")
                .doesNotContainKey(first + ".public.v");
    }

    @Test
    void aChunkQueryNumbersItsTablesFromZero() {
        String sql = TableRowCounts.countQuery(List.of(new String[] {"public", "a"}, new String[] {"s", "B"}));
        assertThat(sql)
                .isEqualTo("select 0, count(*) from \"public\".\"a\"\nunion all select 1, count(*) from \"s\".\"B\"");
    }
}
