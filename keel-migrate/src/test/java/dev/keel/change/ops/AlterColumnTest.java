package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrationVersion;
import dev.keel.migrate.ValidateResult;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class AlterColumnTest {

    @Test
    void aTypeChangeKeepsBothColumnsWrittenBothWays(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "operations:\n  - alter_column: {table: items, column: price, type: \"numeric(10,2)\","
                        + " up: \"price / 100.0\", down: \"(price * 100)::int\"}\n");
        h.start();
        assertThat(h.query("select price from public_v2.items where id = 50 or id = 5"))
                .isEqualTo("0.05");
        h.old("update items set price = 250 where id = 1");
        assertThat(h.query("select price from public_v2.items where id = 1")).isEqualTo("2.50");
        h.next("update items set price = 7.25 where id = 2");
        assertThat(h.query("select price from items where id = 2")).isEqualTo("725");
        h.rollback();
        assertThat(h.query("select format_type(atttypid, atttypmod) from pg_attribute"
                        + " where attrelid = 'items'::regclass and attname = 'price'"))
                .isEqualTo("integer");
        assertThat(h.query("select price from items where id = 2")).isEqualTo("725");
        h.start().complete();
        assertThat(h.query("select format_type(atttypid, atttypmod) from pg_attribute"
                        + " where attrelid = 'items'::regclass and attname = 'price'"))
                .isEqualTo("numeric(10,2)");
        assertThat(h.query("select price from items where id = 2")).isEqualTo("7.25");
    }

    @Test
    void settingNotNullFillsNullsWithUpAndSetsItAtComplete(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                ItemsChange.TABLE + " update items set note = null where id = 3;",
                "operations:\n  - alter_column: {table: items, column: note, nullable: false, up: \"coalesce(note, '-')\"}\n");
        h.start();
        assertThat(h.query("select note from public_v2.items where id = 3")).isEqualTo("-");
        h.old("insert into items (name) values ('no note')");
        assertThat(h.query("select note from public_v2.items where name = 'no note'"))
                .isEqualTo("-");
        h.rollback();
        h.start().complete();
        assertThat(h.query(
                        "select attnotnull from pg_attribute where attrelid = 'items'::regclass and attname = 'note'"))
                .isEqualTo("t");
        assertThat(h.query("select count(*) from items where note = '-'")).isEqualTo("2");
    }

    @Test
    void settingNotNullWithoutUpOnNullRowsIsRefusedBeforeAnythingRuns(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                ItemsChange.TABLE + " update items set note = null where id in (3, 4);",
                "operations:\n  - alter_column: {table: items, column: note, nullable: false}\n");
        OperationHarness h = project.harness();
        project.keel().migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));

        ValidateResult validated = project.keel().validate();
        assertThat(validated.valid()).isFalse();
        assertThat(validated.problems()).singleElement().satisfies(p -> {
            assertThat(p.message())
                    .startsWith("V2__change.yaml:2:")
                    .contains("operation 1 (alter_column on items.note): some rows of items hold NULL in note");
            assertThat(p.fix()).contains("add up:");
        });

        assertThatThrownBy(() -> project.keel().migrate()).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.code()).isEqualTo(MigrateError.CHANGE_INVALID);
            assertThat(e.what())
                    .contains("2 rows of items hold NULL in note, which the new NOT NULL refuses")
                    .endsWith("nothing was applied");
            assertThat(e.todo()).contains("coalesce(note, <value>)");
        });
        assertThat(h.query("select count(*) from pg_namespace where nspname = 'public_v2'"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from pg_attribute where attrelid = 'items'::regclass"
                        + " and attname like '\\_keel%'"))
                .as("no column was added")
                .isEqualTo("0");
    }

    @Test
    void settingNotNullWithoutUpWhereNoRowIsNullNeedsNone(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - alter_column: {table: items, column: note, nullable: false}\n");
        h.start().complete();
        assertThat(h.query(
                        "select attnotnull from pg_attribute where attrelid = 'items'::regclass and attname = 'note'"))
                .isEqualTo("t");
    }

    @Test
    void aDefaultAloneNeedsNoCopy(TestCluster cluster, @TempDir Path dir) throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster, dir, "operations:\n  - alter_column: {table: items, column: price, default: \"42\"}\n");
        h.start();
        h.next("insert into items (name) values ('via new')");
        h.old("insert into items (name) values ('via old')");
        assertThat(h.query(
                        "select string_agg(coalesce(price::text, 'null'), ',' order by id) from items where id > 20"))
                .isEqualTo("42,null");
        h.rollback().start().complete();
        h.old("insert into items (name) values ('after')");
        assertThat(h.query("select price from items where name = 'after'")).isEqualTo("42");
    }

    @Test
    void indexesAndConstraintsOnTheColumnAreCopiedAndKeepTheirNames(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(
                cluster,
                dir,
                "create table makers (id int primary key); insert into makers select generate_series(1, 30);"
                        + " create table items (id bigserial primary key, name text not null, price int, note text,"
                        + " constraint items_price_known unique (price),"
                        + " constraint items_price_positive check (price > 0),"
                        + " constraint items_price_maker foreign key (price) references makers (id));"
                        + " create index items_price_desc on items (price desc nulls last) include (name);"
                        + " create index items_name_price on items (name collate \"C\" text_pattern_ops, price);"
                        + " insert into items (name, price, note) select 'item ' || i, i, 'n' || i"
                        + " from generate_series(1, 20) i;",
                "operations:\n  - alter_column: {table: items, column: price, type: bigint}\n");
        h.start();
        assertThat(h.query("select string_agg(indexrelid::regclass::text, ',' order by indexrelid::regclass::text)"
                        + " from pg_index where indrelid = 'items'::regclass and indisvalid"
                        + " and indexrelid::regclass::text like '\\_keel\\_c\\_%'"))
                .as("each index over price is built on the new column at start")
                .isEqualTo("_keel_c_items_name_price,_keel_c_items_price_desc,_keel_c_items_price_known");
        assertThatThrownBy(() -> h.next("insert into items (name, price) values ('bad', -1)"))
                .as("the copied check holds for writes through the new version")
                .hasMessageContaining("items_price_positive");
        h.complete();
        assertThat(h.query("select string_agg(pg_get_indexdef(indexrelid), ' | ' order by indexrelid::regclass::text)"
                        + " from pg_index where indrelid = 'items'::regclass and not indisprimary"))
                .isEqualTo(
                        "CREATE INDEX items_name_price ON public.items USING btree (name COLLATE \"C\" text_pattern_ops,"
                                + " price)"
                                + " | CREATE INDEX items_price_desc ON public.items USING btree (price DESC NULLS LAST)"
                                + " INCLUDE (name)"
                                + " | CREATE UNIQUE INDEX items_price_known ON public.items USING btree (price)");
        assertThat(h.query(
                        "select string_agg(conname || ' ' || contype::text || ' ' || convalidated, ', ' order by conname)"
                                + " from pg_constraint where conrelid = 'items'::regclass and contype <> 'p'"))
                .isEqualTo("items_price_known u true, items_price_maker f true, items_price_positive c true");
        assertThat(h.query("select format_type(atttypid, atttypmod) from pg_attribute"
                        + " where attrelid = 'items'::regclass and attname = 'price'"))
                .isEqualTo("bigint");
    }

    @Test
    void whatCannotBeCopiedIsRefusedBeforeAnythingRuns(TestCluster cluster, @TempDir Path dir) throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                ItemsChange.TABLE + " create index items_price_lower on items ((price + 1));"
                        + " create index items_note_pattern on items (note text_pattern_ops);"
                        + " create table orders (id int primary key, item bigint references items (id));",
                "operations:\n  - alter_column: {table: items, column: note, type: \"varchar(100)\"}\n"
                        + "  - alter_column: {table: items, column: price, type: bigint}\n"
                        + "  - alter_column: {table: items, column: id, type: numeric}\n");
        project.keel().migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));
        ValidateResult validated = project.keel().validate();
        assertThat(validated.valid()).isFalse();
        assertThat(validated.problems())
                .extracting(p -> p.message())
                .anySatisfy(m -> assertThat(m).contains("index items_price_lower uses price in an expression"))
                .anySatisfy(m -> assertThat(m).contains("id is part of the primary key items_pkey"))
                .anySatisfy(m -> assertThat(m).contains("index items_note_pattern uses an operator class"))
                .anySatisfy(m -> assertThat(m).contains("foreign key orders_item_fkey of orders references id"));
    }
}
