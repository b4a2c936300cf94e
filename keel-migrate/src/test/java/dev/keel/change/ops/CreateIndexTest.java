package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateIndexTest {

    @Test
    void buildsConcurrentlyAndRollbackDropsIt(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - create_index: {name: items_price_idx, table: items, columns: [price]}\n");
        h.start();
        assertThat(h.query("select indisvalid from pg_index where indexrelid = 'items_price_idx'::regclass"))
                .isEqualTo("t");
        h.rollback();
        assertThat(h.query("select to_regclass('items_price_idx') is null")).isEqualTo("t");
        h.start().complete();
        assertThat(h.query("select to_regclass('items_price_idx') is null")).isEqualTo("f");
    }

    @Test
    void onAPartitionedTableEachPartitionIsBuiltConcurrentlyAndAttached(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "create table events (id bigint, at date not null, kind text, primary key (id, at))"
                        + " partition by range (at);"
                        + " create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01');"
                        + " create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');"
                        + " insert into events select i, date '2025-06-01' + (i % 400), 'k' || (i % 5)"
                        + " from generate_series(1, 500) i;",
                "operations:\n  - create_index: {name: events_kind_idx, table: events, columns: [kind]}\n");
        h.start();
        assertThat(h.query("select indisvalid from pg_index where indexrelid = 'events_kind_idx'::regclass"))
                .isEqualTo("t");
        assertThat(h.query("select count(*) from pg_inherits where inhparent = 'events_kind_idx'::regclass"))
                .isEqualTo("2");
        h.next("insert into events values (1000, '2026-02-01', 'new')");
        h.rollback();
        assertThat(h.query("select count(*) from pg_class where relname like 'events_kind_idx%'"))
                .isEqualTo("0");
        h.start().complete();
        assertThat(h.query("select indisvalid from pg_index where indexrelid = 'events_kind_idx'::regclass"))
                .isEqualTo("t");
    }
}
