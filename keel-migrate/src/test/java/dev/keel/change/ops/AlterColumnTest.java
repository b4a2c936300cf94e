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
}
