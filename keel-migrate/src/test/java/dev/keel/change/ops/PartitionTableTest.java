package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class PartitionTableTest {
    /** 100 events over the last 100 days, an index of its own, a serial key and a grant to an application role. */
    private static final String EVENTS = "create table events (id bigserial, created_at timestamptz not null,"
            + " payload text default 'none', primary key (id, created_at));"
            + " create index events_payload on events (lower(payload)) where payload is not null;"
            + " insert into events (created_at, payload) select now() - make_interval(days => i), 'p' || i"
            + " from generate_series(1, 100) i;"
            + " do $$ begin if not exists (select 1 from pg_roles where rolname = 'app') then create role app;"
            + " end if; end $$; grant select, insert on events to app;";

    private static final String CHANGE = "operations:\n  - partition_table:\n      table: events\n"
            + "      partition_by: {column: created_at, interval: 1 month, premake: 2, retention: 12 months}\n";

    private static OperationHarness harness(TestCluster cluster, Path dir) throws Exception {
        return ItemsChange.harness(cluster, dir, EVENTS, CHANGE);
    }

    @Test
    void startCopiesTheRowsAndEveryLaterWrite(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = harness(cluster, dir).start();
        assertThat(h.query("select count(*) from events_keel_part")).isEqualTo("100");
        assertThat(h.query("select count(*) from events_default")).isEqualTo("0");
        h.old("insert into events (created_at, payload) values (now(), 'new')");
        h.old("update events set payload = 'changed' where id = 1");
        h.old("update events set created_at = created_at - interval '1 day' where id = 2");
        h.old("delete from events where id = 3");
        assertThat(h.query("select count(*) from (select * from events except select * from events_keel_part) d"
                        + " union all select count(*) from (select * from events_keel_part except"
                        + " select * from events) d"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from events_keel_part")).isEqualTo("100");
        assertThat(h.query("select payload from events_keel_part where id = 1")).isEqualTo("changed");
    }

    @Test
    void aTriggerCreatedDuringTheChangeStopsTheSwapUntilItIsDropped(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = harness(cluster, dir).start();
        h.old("create function audit() returns trigger language plpgsql as $$ begin return null; end $$");
        h.old("create trigger events_audit after insert on events for each row execute function audit()");
        assertThatThrownBy(h::complete)
                .hasMessageContaining("triggers were created on events since the change started: events_audit");
        assertThat(h.query("select relkind from pg_class where oid = 'public.events'::regclass"))
                .as("nothing was swapped")
                .isEqualTo("r");
        h.old("drop trigger events_audit on events");
        h.complete();
        assertThat(h.query("select relkind from pg_class where oid = 'public.events'::regclass"))
                .isEqualTo("p");
    }

    @Test
    void rollbackDropsTheNewTableAndTheTrigger(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = harness(cluster, dir).start().rollback();
        assertThat(h.query("select to_regclass('events_keel_part') is null")).isEqualTo("t");
        assertThat(h.query("select count(*) from pg_trigger where tgname like '\\_keel%'"))
                .isEqualTo("0");
        h.old("insert into events (created_at) values (now())");
        assertThat(h.query("select count(*) from events")).isEqualTo("101");
    }

    @Test
    void completeSwapsTheTablesAndKeelMaintainsTheSet(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = harness(cluster, dir).start().rollback().start();
        h.old("insert into events (created_at, payload) values (now(), 'during')");
        h.complete();
        assertThat(h.query("select relkind from pg_class where oid = 'public.events'::regclass"))
                .isEqualTo("p");
        assertThat(h.query("select count(*) from events")).isEqualTo("101");
        assertThat(h.query("select count(*) from events_keel_old")).isEqualTo("101");
        assertThat(h.query("select count(distinct id) from events")).isEqualTo("101");
        h.old("insert into events (created_at) values (now())");
        assertThat(h.query("select max(id) from events")).isEqualTo("102");
        assertThat(h.query("select string_agg(indexrelid::regclass::text, ',' order by 1) from pg_index"
                        + " where indrelid = 'public.events'::regclass"))
                .isEqualTo("events_pkey,events_payload");
        assertThat(h.query("select has_table_privilege('app', 'public.events', 'insert')"))
                .isEqualTo("t");
        assertThat(h.query("select retention from keel.partition_sets where parent = 'events'"))
                .isEqualTo("12 months");
        // 100 days back to 2 months ahead of this one: at least 6 monthly partitions and the default one.
        assertThat(Integer.parseInt(
                        h.query("select count(*) from pg_inherits where inhparent = 'public.events'::regclass")))
                .isBetween(7, 8);
        assertThat(h.query("select count(*) from events_default")).isEqualTo("0");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        // One partition left: the plan is its scan alone, without an Append over the others.
        assertThat(h.query("explain (costs off) select * from events where created_at >= '" + month
                        + " 00:00+00' and created_at < '" + month.plusMonths(1) + " 00:00+00'"))
                .contains(String.format("events_p%d_%02d", month.getYear(), month.getMonthValue()));
        assertThat(h.query("select count(*) from pg_trigger where tgname like '\\_keel%'"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from pg_proc where proname like '\\_keel%'"))
                .isEqualTo("0");
    }

    @Test
    void identityGeneratedColumnsAndForeignKeysComeAlong(TestCluster cluster, @TempDir Path dir) throws Exception {
        String setup = "create table accounts (id bigint primary key); insert into accounts values (1);"
                + " create table tickets (id bigint generated always as identity, at date not null default"
                + " current_date, total int, doubled int generated always as (total * 2) stored,"
                + " account bigint references accounts, primary key (id, at));"
                + " insert into tickets (at, total, account) select current_date - i, i, 1"
                + " from generate_series(1, 30) i;";
        String change = "operations:\n  - partition_table:\n      table: tickets\n"
                + "      partition_by: {column: at, interval: 1 week}\n";
        OperationHarness h = ItemsChange.harness(cluster, dir, setup, change).start();
        h.old("insert into tickets (total, account) values (100, 1)");
        assertThat(h.query("select doubled from tickets_keel_part where total = 100"))
                .isEqualTo("200");
        h.complete();
        h.old("insert into tickets (total) values (700)");
        assertThat(h.query("select id || ' ' || doubled from tickets where total = 700"))
                .isEqualTo("32 1400");
        assertThat(h.query("select count(*) from pg_constraint where conrelid = 'public.tickets'::regclass"
                        + " and contype = 'f'"))
                .isEqualTo("1");
        assertThat(h.query("select count(*) from tickets")).isEqualTo("32");
    }

    @Test
    void foreignKeysOfOtherTablesMoveToTheNewTable(TestCluster cluster, @TempDir Path dir) throws Exception {
        String setup = "create table orders (id bigint primary key, note text);"
                + " insert into orders select i, 'o' || i from generate_series(1, 250) i;"
                + " create table items (id bigserial primary key, order_id bigint not null references orders"
                + " on delete cascade deferrable);"
                + " insert into items (order_id) select 1 + i % 250 from generate_series(1, 500) i;"
                + " create table notes (order_id bigint);"
                + " insert into notes values (999);"
                + " alter table notes add constraint notes_order foreign key (order_id) references orders not valid;";
        String change = "operations:\n  - partition_table:\n      table: orders\n"
                + "      partition_by: {column: id, interval: 100}\n";
        OperationHarness h = ItemsChange.harness(cluster, dir, setup, change).start();
        h.old("insert into orders values (251, 'late')");
        h.old("insert into items (order_id) values (251)");

        h.complete();

        String moved = "select confrelid::regclass || ' ' || (select relkind::text from pg_class where oid = confrelid)"
                + " || ' ' || convalidated || ' ' || pg_get_constraintdef(oid) from pg_constraint where conparentid = 0 and conname = ";
        assertThat(h.query(moved + "'items_order_id_fkey'"))
                .isEqualTo("orders p true FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE DEFERRABLE");
        assertThat(h.query(moved + "'notes_order'"))
                .as("a key that was NOT VALID before stays so: its rows were never checked")
                .isEqualTo("orders p false FOREIGN KEY (order_id) REFERENCES orders(id) NOT VALID");
        h.old("delete from orders where id = 251");
        assertThat(h.query("select count(*) from items where order_id = 251"))
                .as("the cascade now runs from the partitioned table")
                .isEqualTo("0");
        assertThatThrownBy(() -> h.old("insert into items (order_id) values (7777)"))
                .hasMessageContaining("violates foreign key constraint \"items_order_id_fkey\"");
    }
}
