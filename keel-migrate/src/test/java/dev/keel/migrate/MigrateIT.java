package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class MigrateIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;

    MigrateIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void freshDatabase(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir);
    }

    private Keel keel() {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .lockTimeout(Duration.ofMillis(300))
                .lockRetries(1)
                .load();
    }

    @Test
    void appliesVersionedThenRepeatablesAndRecordsThem() {
        project.migration("V1__create_a.sql", "create table a (id bigint primary key);")
                .migration("V1.1__create_b.sql", "create table b (id bigint primary key, a_id bigint references a);")
                .migration("R__view.sql", "create or replace view v as select count(*) from a;");
        MigrateResult result = keel().migrate();
        assertThat(result.applied())
                .extracting(MigrateResult.Applied::script)
                .containsExactly("V1__create_a.sql", "V1.1__create_b.sql", "R__view.sql");
        assertThat(result.schemaVersionAfter()).isEqualTo("1.1");
        assertThat(
                        cluster.queryString(
                                db,
                                "select string_agg(version || ':' || type || ':' || success, ',' order by installed_rank) from keel.schema_history"))
                .isEqualTo("1:VERSIONED:true,1.1:VERSIONED:true");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where type = 'REPEATABLE'"))
                .isEqualTo("1");
        assertThat(keel().migrate().applied()).isEmpty();
    }

    @Test
    void reappliesARepeatableOnlyWhenItChanges() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration("R__v.sql", "create or replace view v as select 1 as x;");
        keel().migrate();
        assertThat(keel().migrate().applied()).isEmpty();
        project.migration("R__v.sql", "create or replace view v as select 1 as x, 2 as y;");
        assertThat(keel().migrate().applied())
                .extracting(MigrateResult.Applied::script)
                .containsExactly("R__v.sql");
        assertThat(cluster.queryString(db, "select y from v")).isEqualTo("2");
    }

    @Test
    void stopsAtTheTargetVersionAndLeavesRepeatablesForTheRunThatReachesTheNewest() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration("V2__b.sql", "create table b (id int);")
                .migration("R__ab.sql", "create or replace view ab as select * from a join b using (id);");
        MigrateResult result = keel().migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));
        assertThat(result.schemaVersionAfter()).isEqualTo("1");
        assertThat(result.applied()).extracting(MigrateResult.Applied::script).containsExactly("V1__a.sql");
        assertThat(cluster.queryString(db, "select to_regclass('b') is null")).isEqualTo("t");
        assertThat(keel().migrate().applied())
                .extracting(MigrateResult.Applied::script)
                .containsExactly("V2__b.sql", "R__ab.sql");
    }

    @Test
    void dryRunPlansWithoutTouchingTheDatabase() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration("V2__idx.sql", "create index concurrently a_id on a (id);");
        MigrateResult result = keel().migrate(new MigrateOptions(null, true, false));
        assertThat(result.dryRun()).isTrue();
        assertThat(result.applied())
                .extracting(MigrateResult.Applied::transactional)
                .containsExactly(true, false);
        assertThat(cluster.queryString(
                        db, "select to_regclass('keel.schema_history') is null and to_regclass('a') is null"))
                .isEqualTo("t");
    }

    @Test
    void aFailingMigrationLeavesNoTraceAndNamesFileLineAndColumn() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration(
                        "V2__broken.sql",
                        "create table b (id int);\n\ninsert into b values (1);\nselect * from\n  missing_table;");
        KeelException e = catchKeel(() -> keel().migrate());
        assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
        assertThat(e.getMessage())
                .startsWith("V2__broken.sql:5:3: ERROR 42P01: relation \"missing_table\" does not exist")
                .contains("rolled back");
        assertThat(cluster.queryString(db, "select to_regclass('b') is null")).isEqualTo("t");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("1");
    }

    @Test
    void refusesAFileMixingConcurrentIndexWithOtherStatementsBeforeApplyingAnything() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration("V2__mixed.sql", "alter table a add column b int;\ncreate index concurrently a_b on a (b);");
        assertThatThrownBy(() -> keel().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2__mixed.sql:2: CREATE INDEX CONCURRENTLY cannot run in a transaction")
                .hasMessageContaining("line 1 holds 'alter table a add column b int'");
        assertThat(cluster.queryString(db, "select to_regclass('a') is null")).isEqualTo("t");
    }

    @Test
    void runsConcurrentIndexBuildsWithoutATransaction() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration(
                        "V2__idx.sql",
                        "create index concurrently a_id on a (id);\ncreate index concurrently a_id2 on a (id);");
        keel().migrate();
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname like 'a_id%' and"
                                + " i.indisvalid"))
                .isEqualTo("2");
    }

    @Test
    void dropsAnInvalidIndexLeftByAFailedConcurrentBuildBeforeTheRetry() {
        project.migration("V1__a.sql", "create table a (id int); insert into a values (1), (1);")
                .migration("V2__idx.sql", "create unique index concurrently a_id_key on a (id);");
        assertThatThrownBy(() -> keel().migrate()).hasMessageContaining("23505");
        assertThat(cluster.queryString(
                        db,
                        "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'a_id_key' and not"
                                + " i.indisvalid"))
                .isEqualTo("1");
        assertThat(cluster.queryString(db, "select success from keel.schema_history where version = '2'"))
                .isEqualTo("f");
        cluster.execute(db, "delete from a where ctid = (select max(ctid) from a)");
        keel().repair();
        StringBuilder warnings = new StringBuilder();
        Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .listener(new MigrationListener() {
                    @Override
                    public void warn(String message) {
                        warnings.append(message);
                    }
                })
                .load()
                .migrate();
        assertThat(warnings.toString()).contains("dropped invalid index public.a_id_key");
        assertThat(
                        cluster.queryString(
                                db,
                                "select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'a_id_key'"))
                .isEqualTo("t");
    }

    @Test
    void refusesToMigrateAfterAFailedNonTransactionalMigrationUntilRepaired() {
        project.migration("V1__a.sql", "create table a (id int);").migration("V2__v.sql", "vacuum missing_table;");
        assertThatThrownBy(() -> keel().migrate()).hasMessageContaining("V2__v.sql:1:1: ERROR 42P01");
        KeelException e = catchKeel(() -> keel().migrate());
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(e.getMessage())
                .contains("V2 (V2__v.sql) failed on an earlier run")
                .contains("keel repair");
    }

    @Test
    void aStatementTimeoutHeaderLimitsThatFileOnly() {
        project.migration("V1__slow.sql", "-- keel:statement-timeout 200ms\nselect pg_sleep(5);");
        KeelException e = catchKeel(() -> keel().migrate());
        assertThat(e.getMessage()).contains("57014");
        project.migration("V1__slow.sql", "-- keel:statement-timeout 5s\nselect pg_sleep(0.1);");
        keel().repair();
        assertThat(keel().migrate().applied()).hasSize(1);
    }

    @Test
    void outOfOrderVersionsNeedTheFlag() {
        project.migration("V1__a.sql", "create table a (id int);").migration("V3__c.sql", "create table c (id int);");
        keel().migrate();
        project.migration("V2__b.sql", "create table b (id int);");
        assertThatThrownBy(() -> keel().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2__b.sql is pending but the database is already at version 3");
        MigrateResult result = keel().migrate(new MigrateOptions(null, false, true));
        assertThat(result.applied()).extracting(MigrateResult.Applied::version).containsExactly("2");
    }

    @Test
    void keepsBothFormsOfSqlBodiesIntact() {
        project.migration("V1__functions.sql", """
                create function add_one(i int) returns int language plpgsql as $$
                begin
                  return i + 1;
                end;
                $$;
                create function add_two(i int) returns int language sql
                begin atomic
                  select case when i is null then null else i + 2 end;
                end;
                select add_one(1) + add_two(1);
                """);
        keel().migrate();
        assertThat(cluster.queryString(db, "select add_one(1) + add_two(1)")).isEqualTo("5");
    }

    @Test
    void aSearchPathSetInOneMigrationDoesNotSteerTheNext() {
        cluster.execute(db, "create schema app");
        project.migration("V1__in_app.sql", "set search_path = app;\ncreate table a (id int);")
                .migration("V2__default.sql", "create table b (id int);");
        keel().migrate();
        assertThat(cluster.queryString(
                        db,
                        "select string_agg(schemaname || '.' || tablename, ',' order by tablename) from pg_tables where tablename in"
                                + " ('a', 'b')"))
                .isEqualTo("app.a,public.b");
    }

    @Test
    void aKilledConcurrentIndexMigrationResumesAfterItsLastCompletedStatement() {
        project.migration("V1__a.sql", "create table a (id int, b int);")
                .migration(
                        "V2__indexes.sql",
                        "create index concurrently a_id on a (id);\ncreate index concurrently a_b on a (b);");
        keel().migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));
        // What a run killed between the two statements leaves: the first index, and its progress row.
        cluster.execute(db, "create index a_id on a (id)");
        seedProgress(
                "V2__indexes.sql",
                Checksum.of("create index concurrently a_id on a (id);\ncreate index concurrently a_b on a (b);"),
                1);
        List<String> infos = new ArrayList<>();
        Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .listener(new MigrationListener() {
                    @Override
                    public void info(String message) {
                        infos.add(message);
                    }
                })
                .load()
                .migrate();
        assertThat(infos).contains("V2__indexes.sql: skipping 1 of 2 statements an interrupted run completed");
        assertThat(cluster.queryString(db, "select count(*) from pg_indexes where tablename = 'a'"))
                .isEqualTo("2");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history_progress"))
                .isEqualTo("0");
    }

    @Test
    void progressOfAnEditedFileDoesNotCount() {
        project.migration("V1__a.sql", "create table a (id int);")
                .migration("V2__index.sql", "create index concurrently a_id on a (id);");
        keel().migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));
        seedProgress("V2__index.sql", 12345, 1);
        keel().migrate();
        assertThat(cluster.queryString(db, "select count(*) from pg_indexes where indexname = 'a_id'"))
                .isEqualTo("1");
    }

    /** What a run killed inside a migration without a transaction leaves behind in the progress table. */
    private void seedProgress(String script, int checksum, int done) {
        cluster.execute(
                db,
                "create table if not exists keel.schema_history_progress (script text primary key, checksum integer not null, "
                        + "statements_done integer not null, updated_on timestamptz not null default now()); "
                        + "insert into keel.schema_history_progress (script, checksum, statements_done) values ('"
                        + script + "', " + checksum + ", " + done + ")");
    }

    static KeelException catchKeel(Runnable action) {
        try {
            action.run();
        } catch (KeelException e) {
            return e;
        }
        throw new AssertionError("expected a KeelException");
    }
}
