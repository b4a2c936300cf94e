package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSettings;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateResult;
import dev.keel.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Drives one operation through start → rollback → start → complete on a real cluster, with a table of 20 rows
 * ({@code items}: id, name NOT NULL, price int, note) written as V1; the change is V2, served as public_v2 beside
 * public_v1.
 */
final class OperationHarness {
    static final String TABLE =
            "create table items (id bigserial primary key, name text not null, price int, note text);"
                    + " insert into items (name, price, note) select 'item ' || i, i, 'n' || i from generate_series(1, 20) i;";

    private final TestCluster cluster;
    private final String db;
    private final Keel keel;

    OperationHarness(TestCluster cluster, Path dir, String change) throws Exception {
        this(cluster, dir, TABLE, change);
    }

    OperationHarness(TestCluster cluster, Path dir, String setup, String change) throws Exception {
        this.cluster = cluster;
        this.db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__setup.sql"), setup);
        Files.writeString(migrations.resolve("V2__change.yaml"), change);
        this.keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(ChangeSettings.DEFAULTS.withBatchSize(6))
                .load();
    }

    OperationHarness start() {
        MigrateResult r = keel.migrate();
        assertThat(r.activeChange()).as("the change is active after migrate").isEqualTo("2");
        return this;
    }

    OperationHarness rollback() {
        keel.rollback();
        assertThat(keel.status().active()).isFalse();
        assertThat(query("select count(*) from pg_namespace where nspname = 'public_v2'"))
                .isEqualTo("0");
        return this;
    }

    OperationHarness complete() {
        keel.complete();
        assertThat(keel.status().active()).isFalse();
        assertThat(query("select count(*) from pg_namespace where nspname = 'public_v1'"))
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_attribute where attname like '\\_keel%' and not attisdropped"
                        + " and attrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)"))
                .as("no shadow column is left")
                .isEqualTo("0");
        return this;
    }

    Keel keel() {
        return keel;
    }

    String query(String sql) {
        return cluster.queryString(db, sql);
    }

    /** Through the old version: the tables themselves, as an application without a search_path sees them. */
    void old(String sql) {
        cluster.execute(db, sql);
    }

    /** Through the new version, as an application with currentSchema=public_v2 does. */
    void next(String sql) {
        cluster.execute(db, "set search_path = public_v2; " + sql);
    }

    /** The columns of a table in the public schema, in order. */
    String columns(String table) {
        return query("select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = 'public."
                + table + "'::regclass and attnum > 0 and not attisdropped");
    }

    String viewColumns(String schema, String view) {
        return query("select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = '" + schema
                + "." + view + "'::regclass and attnum > 0");
    }
}
