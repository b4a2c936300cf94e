package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drop_projection removes each kind at complete, and what would break a projection is refused until it is dropped. */
@WithPostgres
class DropProjectionTest {
    static final String SHOP = "create table users (id int primary key, email text);"
            + " insert into users select i, 'u' || i || '@example.com' from generate_series(1, 5) i;"
            + " create table orders (id bigserial primary key, user_id int, amount int,"
            + " created_at timestamptz not null default now(), note text);"
            + " insert into orders (user_id, amount) select 1 + i % 5, i from generate_series(1, 40) i;";
    static final String PROJECTIONS = "operations:\n"
            + "  - create_counter: {name: orders_per_user, table: orders, group_by: [user_id], sum: amount}\n"
            + "  - create_projection: {table: orders, column: customer_email,"
            + " from: {table: users, column: email, key: user_id}}\n"
            + "  - create_summary:\n      name: daily_orders\n      query: \"SELECT date_trunc('day', created_at)"
            + " AS day, count(*) AS orders FROM orders GROUP BY day\"\n      incremental_by: created_at\n"
            + "      refresh: 5min\n"
            + "  - create_materialized_view: {name: big_orders, query: \"SELECT id, user_id FROM orders WHERE user_id"
            + " > 3\", unique: [id], refresh: 1h}\n";
    static final String OBJECTS = "select string_agg(c.relname, ',' order by c.relname) from pg_class c join"
            + " pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'v', 'm')"
            + " and c.relname not in ('users', 'orders')";

    private static ItemsChange.Project shop(TestCluster cluster, Path dir) throws Exception {
        ItemsChange.Project project = ItemsChange.project(cluster, dir, SHOP, PROJECTIONS);
        project.keel().migrate();
        project.keel().complete();
        return project;
    }

    private static void write(Path dir, String name, String yaml) throws Exception {
        Files.writeString(dir.resolve("db/migrations").resolve(name), yaml);
    }

    @Test
    void dropsEachKindAtCompleteAndLeavesTheTablesWritable(TestCluster cluster, @TempDir Path dir) throws Exception {
        ItemsChange.Project project = shop(cluster, dir);
        OperationHarness h = project.harness();
        assertThat(h.query(OBJECTS))
                .isEqualTo("big_orders,daily_orders,daily_orders_pending,orders_per_user," + "orders_per_user_stripes");
        write(
                dir,
                "V3__drop.yaml",
                "operations:\n"
                        + "  - drop_projection: {name: orders_per_user}\n"
                        + "  - drop_projection: {name: orders.customer_email}\n"
                        + "  - drop_projection: {name: daily_orders}\n"
                        + "  - drop_projection: {name: big_orders}\n");

        assertThat(project.keel().migrate().activeChange()).isEqualTo("3");
        // Until complete the old version still reads them; the new one no longer shows the cached column.
        assertThat(h.query(OBJECTS)).contains("orders_per_user");
        assertThat(h.query("select count(*) from public_v2.orders where customer_email is not null"))
                .isEqualTo("40");
        assertThat(h.query("select count(*) from information_schema.columns where table_schema = 'public_v3'"
                        + " and table_name = 'orders' and column_name = 'customer_email'"))
                .isEqualTo("0");

        project.keel().complete();
        assertThat(h.query(OBJECTS)).isNull();
        assertThat(h.query("select count(*) from pg_trigger where not tgisinternal"
                        + " and tgrelid in ('orders'::regclass, 'users'::regclass)"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from pg_proc where proname like 'keel%' and pronamespace ="
                        + " 'public'::regnamespace"))
                .isEqualTo("0");
        assertThat(h.query("select count(*) from keel.projections")).isEqualTo("0");
        assertThat(h.columns("orders")).isEqualTo("id,user_id,amount,created_at,note");
        h.old("insert into orders (user_id, amount) values (1, 1); update users set email = 'x' where id = 1;"
                + " delete from orders where user_id = 2; truncate users cascade");
        assertThat(h.query("select count(*) from orders")).isEqualTo("33");
    }

    @Test
    void whatWouldBreakAProjectionIsRefusedUntilAnEarlierOperationDropsIt(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        ItemsChange.Project project = shop(cluster, dir);
        OperationHarness h = project.harness();
        String[][] refused = {
            {
                "drop_table: {name: orders}",
                "dropping table orders would break summary daily_orders, which reads table orders by name"
            },
            {
                "drop_column: {table: orders, column: amount}",
                "dropping column amount would break counter orders_per_user, which reads column amount of orders"
            },
            {
                "rename_column: {table: users, from: email, to: mail}",
                "renaming column email would break cached column orders.customer_email"
            },
            {"rename_table: {from: users, to: people}", "renaming table users would break cached column"},
            {"drop_column: {table: orders, column: created_at}", "would break summary daily_orders"},
            {"drop_projection: {name: nope}", "no counter, summary, materialized view or cached column named nope"},
        };
        for (String[] r : refused) {
            write(dir, "V3__next.yaml", "operations:\n  - " + r[0] + "\n");
            assertThatThrownBy(() -> project.keel().migrate())
                    .as(r[0])
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(MigrateError.CHANGE_INVALID))
                    .hasMessageContaining("V3__next.yaml:2:")
                    .hasMessageContaining(r[1]);
        }
        assertThat(h.query("select count(*) from keel.projections")).isEqualTo("4");
        assertThat(h.columns("orders")).isEqualTo("id,user_id,amount,created_at,note,customer_email");

        // A column no projection reads goes as it always did; one a projection reads goes once that is dropped.
        write(
                dir,
                "V3__next.yaml",
                "operations:\n  - drop_column: {table: orders, column: note}\n"
                        + "  - drop_projection: {name: orders_per_user}\n"
                        + "  - drop_column: {table: orders, column: amount}\n"
                        + "  - drop_projection: {name: orders_per_user}\n");
        assertThatThrownBy(() -> project.keel().migrate())
                .hasMessageContaining("V3__next.yaml:5:")
                .hasMessageContaining("projection orders_per_user is dropped by an earlier operation of this file");
        write(
                dir,
                "V3__next.yaml",
                "operations:\n  - drop_column: {table: orders, column: note}\n"
                        + "  - drop_projection: {name: orders_per_user}\n"
                        + "  - drop_column: {table: orders, column: amount}\n");
        project.keel().migrate();
        project.keel().complete();
        assertThat(h.columns("orders")).isEqualTo("id,user_id,created_at,customer_email");
        assertThat(h.query("select string_agg(name, ',' order by name) from keel.projections"))
                .isEqualTo("big_orders,daily_orders,orders.customer_email");
    }
}
