package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateError;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrateResult;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change file among SQL migrations: started by migrate, both versions served, completed or rolled back. */
@WithPostgres
class ChangeEngineIT {

    private static final String CHANGE = """
            operations:
              - rename_column: {table: orders, from: note, to: comment}
              - alter_column: {table: orders, column: amount, type: bigint, up: "amount::bigint * 100", down: "(amount / 100)::int"}
              - add_column: {table: orders, column: {name: status, type: text, default: "'new'", nullable: false}}
            """;

    private Keel keel(TestCluster cluster, String db, Path dir) {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS.withBatchSize(7))
                .load();
    }

    private static void files(Path dir) throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                m.resolve("V1__orders.sql"),
                "create table orders (id bigserial primary key, note text, amount int not null);"
                        + " insert into orders (note, amount) select 'n' || i, i from generate_series(1, 50) i;");
        Files.writeString(m.resolve("V2__reshape_orders.yaml"), CHANGE);
        Files.writeString(m.resolve("V3__later.sql"), "create table later (id int);");
    }

    @Test
    void migrateStartsTheChangeServesBothVersionsAndCompletes(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        files(dir);
        Keel keel = keel(cluster, db, dir);
        MigrateResult result = keel.migrate();
        assertThat(result.activeChange()).isEqualTo("2");
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(cluster.queryString(db, "select to_regclass('later') is null"))
                .isEqualTo("t");

        // Backfilled: the new version sees converted amounts and the default status.
        assertThat(cluster.queryString(db, "select sum(amount) from public_v2.orders"))
                .isEqualTo("127500");
        assertThat(cluster.queryString(db, "select count(*) from public_v2.orders where status = 'new'"))
                .isEqualTo("50");
        assertThat(cluster.queryString(db, "select sum(amount) from public_v1.orders"))
                .isEqualTo("1275");

        // The old version writes; the new version sees it converted, and the other way round.
        cluster.execute(db, "insert into orders (note, amount) values ('old', 7)");
        assertThat(cluster.queryString(
                        db, "select amount || ' ' || comment from public_v2.orders where comment = 'old'"))
                .isEqualTo("700 old");
        cluster.execute(
                db,
                "set search_path = public_v2; insert into orders (comment, amount, status) values ('new', 900, 'paid')"
                        + " returning id");
        assertThat(cluster.queryString(db, "select amount || ' ' || note from public.orders where note = 'new'"))
                .isEqualTo("9 new");
        cluster.execute(db, "set search_path = public_v2; update orders set amount = 1200 where comment = 'new'");
        assertThat(cluster.queryString(db, "select amount from public_v1.orders where note = 'new'"))
                .isEqualTo("12");

        assertThat(keel.status().phase()).isEqualTo(ChangeState.ACTIVE);
        assertThat(keel.status().completeWill()).isNotEmpty();

        keel.complete();
        assertThat(cluster.queryString(
                        db,
                        "select format_type(atttypid, atttypmod) from pg_attribute"
                                + " where attrelid = 'orders'::regclass and attname = 'amount'"))
                .isEqualTo("bigint");
        assertThat(cluster.queryString(db, "select count(*) from orders where comment is not null"))
                .isEqualTo("52");
        assertThat(cluster.queryString(
                        db,
                        "select attnotnull from pg_attribute"
                                + " where attrelid = 'orders'::regclass and attname = 'status'"))
                .isEqualTo("t");
        assertThat(cluster.queryString(db, "select to_regnamespace('public_v1') is null"))
                .isEqualTo("t");
        assertThat(cluster.queryString(db, "select sum(amount) from public_v2.orders"))
                .isEqualTo("129400");
        assertThat(keel.status().active()).isFalse();

        MigrateResult rest = keel.migrate();
        assertThat(rest.applied()).extracting(MigrateResult.Applied::script).containsExactly("V3__later.sql");
    }

    @Test
    void rollbackLeavesTheOldSchemaAndEveryRow(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        files(dir);
        Keel keel = keel(cluster, db, dir);
        keel.migrate();
        cluster.execute(
                db, "set search_path = public_v2; insert into orders (comment, amount) values ('via new', 500)");
        keel.rollback();
        assertThat(cluster.queryString(
                        db,
                        "select string_agg(attname, ',' order by attnum) from pg_attribute"
                                + " where attrelid = 'orders'::regclass and attnum > 0 and not attisdropped"))
                .isEqualTo("id,note,amount");
        assertThat(cluster.queryString(db, "select amount from orders where note = 'via new'"))
                .isEqualTo("5");
        assertThat(cluster.queryString(db, "select count(*) from orders")).isEqualTo("51");
        assertThat(cluster.queryString(db, "select count(*) from pg_namespace where nspname like 'public_v%'"))
                .isEqualTo("0");
        assertThatThrownBy(keel::rollback)
                .isInstanceOf(KeelException.class)
                .satisfies(e -> assertThat(((KeelException) e).code()).isEqualTo(MigrateError.CHANGE_NOT_ACTIVE));

        // Started again and completed in the same run.
        MigrateResult again = keel.migrate(MigrateOptions.defaults().completing());
        assertThat(again.activeChange()).isNull();
        assertThat(again.applied())
                .extracting(MigrateResult.Applied::script)
                .containsExactly("V2__reshape_orders.yaml", "V3__later.sql");
        assertThat(cluster.queryString(db, "select amount from orders where comment = 'via new'"))
                .isEqualTo("500");
    }

    @Test
    void aVersionSchemaThatIsNotKeelsStopsTheStartWithNothingDone(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        String db = cluster.createDatabase();
        files(dir);
        cluster.execute(db, "create schema public_v2");
        Keel keel = keel(cluster, db, dir);
        assertThatThrownBy(keel::migrate)
                .isInstanceOf(KeelException.class)
                .satisfies(e -> assertThat(((KeelException) e).code()).isEqualTo(MigrateError.VERSION_SCHEMA_TAKEN));
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from pg_attribute where attrelid = 'orders'::regclass"
                                + " and attname like '\\_keel%'"))
                .isEqualTo("0");
        assertThat(keel.status().active()).isFalse();
    }

    @Test
    void aBadChangeFileNamesLineAndColumn(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        files(dir);
        Files.writeString(
                dir.resolve("db/migrations/V2__reshape_orders.yaml"),
                "operations:\n  - rename_column: {table: orders, from: nope, to: comment}\n");
        Keel keel = keel(cluster, db, dir);
        assertThatThrownBy(keel::migrate)
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("V2__reshape_orders.yaml:2:")
                .hasMessageContaining("nope");
    }

    @Test
    void anApplicationRoleGetsOnTheViewsTheRightsItHasOnTheTables(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        String db = cluster.createDatabase();
        files(dir);
        cluster.execute(db, "create role shop_app login");
        Files.writeString(
                dir.resolve("db/migrations/V1__orders.sql"),
                Files.readString(dir.resolve("db/migrations/V1__orders.sql"))
                        + " grant select, insert, update on orders to shop_app;"
                        + " grant usage on sequence orders_id_seq to shop_app;");
        keel(cluster, db, dir).migrate();
        try (Connection app = DriverManager.getConnection(
                        cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=shop_app")
                                + "&currentSchema=public_v2");
                Statement s = app.createStatement()) {
            s.execute("insert into orders (comment, amount, status) values ('app', 300, 'paid')");
            try (ResultSet rs = s.executeQuery("select amount from orders where comment = 'app'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(300);
            }
            assertThatThrownBy(() -> s.execute("delete from orders")).hasMessageContaining("permission denied");
        }
    }
}
