package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreatePartitionedTableTest {
    static final String EVENTS = """
            operations:
              - create_partitioned_table:
                  name: events
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: at, type: timestamptz, primary_key: true}
                    - {name: kind, type: text}
                  partition_by: {column: at, interval: 1 month, premake: 2, retention: 12 months, retention_action: drop, grace: 7 days}
                  template:
                    indexes: [{name: events_kind_idx, columns: [kind]}]
                    settings: {fillfactor: 90}
            """;

    @Test
    void startCreatesTheParentItsPartitionsAndTheirTemplateAndRecordsTheSet(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, EVENTS);
        h.start();
        assertThat(h.query("select count(*) from pg_inherits where inhparent = 'public.events'::regclass"))
                .as("the default partition, this month's and two ahead")
                .isEqualTo("4");
        assertThat(h.query("select count(*) from pg_class c join pg_inherits i on i.inhrelid = c.oid"
                        + " where i.inhparent = 'public.events'::regclass and c.reloptions @> array['fillfactor=90']"))
                .isEqualTo("4");
        assertThat(h.query("select count(*) from pg_index x join pg_inherits i on i.inhrelid = x.indrelid"
                        + " join pg_class c on c.oid = x.indexrelid where i.inhparent = 'public.events'::regclass"
                        + " and c.relname like '%kind%'"))
                .as("each partition has the template's index")
                .isEqualTo("4");
        assertThat(h.query("select strategy || ' ' || key_column || ' ' || part_interval || ' ' || premake || ' '"
                        + " || retention || ' ' || retention_action || ' ' || grace || ' ' || settings || ' v'"
                        + " || declared_in from keel.partition_sets"))
                .isEqualTo("range at 1 month 2 12 months drop 7 days fillfactor = 90 v2");
        h.next("insert into events (id, at, kind) values (1, now(), 'x'), (2, now() - interval '5 years', 'old')");
        assertThat(h.query("select count(*) from public.events_default")).isEqualTo("1");
        h.rollback();
        assertThat(h.query("select to_regclass('public.events') is null")).isEqualTo("t");
        assertThat(h.query("select count(*) from keel.partition_sets")).isEqualTo("0");
        h.start().complete();
        assertThat(h.query("select count(*) from public_v2.events")).isEqualTo("0");
        assertThat(h.query("select count(*) from keel.partition_sets")).isEqualTo("1");
    }

    @Test
    void aListSetCreatesItsListedPartitions(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, """
                operations:
                  - create_partitioned_table:
                      name: customers
                      columns: [{name: id, type: bigint, primary_key: true}, {name: region, type: text, primary_key: true}]
                      partition_by: {strategy: list, column: region, default: false}
                      partitions: [{name: customers_eu, values: [de, fr]}, {name: customers_us, values: [us]}]
                """);
        h.start();
        h.next("insert into customers values (1, 'de'), (2, 'us')");
        assertThat(h.query("select count(*) from public.customers_eu")).isEqualTo("1");
        assertThat(h.query("select key_type is null and part_interval is null from keel.partition_sets"))
                .isEqualTo("t");
    }
}
