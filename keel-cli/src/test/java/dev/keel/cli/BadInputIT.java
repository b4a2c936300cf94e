package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: one line that says what happened and what to do, the documented exit code, nothing applied. */
@WithPostgres
class BadInputIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;

    BadInputIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir).migration("V1__good.sql", "create table good (id bigint);");
    }

    private Cli.Run migrate(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "--url";
        args[1] = cluster.jdbcUrl(db);
        args[2] = "-C";
        args[3] = project.dir().toString();
        args[4] = "migrate";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Cli.run(args);
    }

    private void assertOneErrorLine(Cli.Run run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        assertThat(run.errorLines()).as(run.stderr()).hasSize(1);
        assertThat(run.errorLines().get(0)).contains(fragments).contains(" — ");
        assertThat(run.stderr()).doesNotContain("\tat ", "Exception");
    }

    private void assertNothingApplied() {
        assertThat(cluster.queryString(db, "select to_regclass('good') is null"))
                .isEqualTo("t");
    }

    @Test
    void badFileName() {
        project.migration("V2_add_thing.sql", "select 1;");
        assertOneErrorLine(migrate(), 1, "bad migration file name V2_add_thing.sql", "two underscores", "rename it");
        assertNothingApplied();
    }

    @Test
    void duplicateVersions() {
        project.migration("V1.0__also_one.sql", "select 1;");
        assertOneErrorLine(migrate(), 1, "two migrations have version 1", "V1.0__also_one.sql", "V1__good.sql");
        assertNothingApplied();
    }

    @Test
    void nonUtf8File() {
        project.migrationBytes("V2__latin1.sql", "select 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneErrorLine(migrate(), 1, "V2__latin1.sql is not valid UTF-8", "line 1", "iconv");
        assertNothingApplied();
    }

    @Test
    void emptyFile() {
        project.migration("V2__empty.sql", "-- nothing yet\n");
        assertOneErrorLine(migrate(), 1, "V2__empty.sql holds no SQL statement");
        assertNothingApplied();
    }

    @Test
    void syntaxError() {
        project.migration("V2__typo.sql", "create table b (id int);\ncreate tabel c (id int);");
        assertOneErrorLine(
                migrate(), 4, "V2__typo.sql:2:8: ERROR 42601: syntax error at or near \"tabel\"", "rolled back");
        assertThat(cluster.queryString(db, "select to_regclass('b') is null")).isEqualTo("t");
        assertThat(cluster.queryString(db, "select string_agg(version, ',') from keel.schema_history"))
                .isEqualTo("1");
    }

    @Test
    void unterminatedDollarQuote() {
        project.migration("V2__fn.sql", "create function f() returns int language sql as $body$\nselect 1;\n");
        assertOneErrorLine(
                migrate(),
                1,
                "V2__fn.sql:1:49: unterminated dollar-quoted string $body$",
                "close the body with $body$");
        assertNothingApplied();
    }

    @Test
    void psqlMetaCommand() {
        project.migration("V2__meta.sql", "\\set ON_ERROR_STOP on\nselect 1;");
        assertOneErrorLine(migrate(), 1, "V2__meta.sql:1:1: psql meta-command \\set is not SQL");
        assertNothingApplied();
    }

    @Test
    void checksumDrift() {
        assertThat(migrate().exitCode()).isZero();
        project.migration("V1__good.sql", "create table good (id bigint, extra int);");
        assertOneErrorLine(migrate(), 1, "V1__good.sql was changed after it was applied", "new migration");
    }

    @Test
    void missingFile() {
        project.migration("V2__second.sql", "create table second (id int);");
        assertThat(migrate().exitCode()).isZero();
        project.delete("V2__second.sql");
        assertOneErrorLine(migrate(), 1, "V2 (V2__second.sql) was applied but is no longer among the migrations");
    }

    @Test
    void unreachableDatabase() {
        Cli.Run run = Cli.run(
                "--url",
                "postgresql://someone:s3cret@127.0.0.1:1/shop",
                "-C",
                project.dir().toString(),
                "migrate");
        assertOneErrorLine(run, 3, "cannot connect to 127.0.0.1:1/shop: connection refused");
        assertThat(run.stderr() + run.stdout()).doesNotContain("s3cret");
    }

    @Test
    void unknownHost() {
        Cli.Run run = Cli.run(
                "--url",
                "postgresql://db.invalid:5432/shop",
                "-C",
                project.dir().toString(),
                "migrate");
        assertOneErrorLine(run, 3, "cannot connect to db.invalid:5432/shop: unknown host");
    }

    @Test
    void missingDatabase() {
        Cli.Run run = Cli.run(
                "--url", cluster.jdbcUrl("no_such_db"), "-C", project.dir().toString(), "migrate");
        assertOneErrorLine(run, 3, "database no_such_db does not exist", "createdb no_such_db");
    }

    @Test
    void wrongPassword() throws Exception {
        cluster.execute(
                "postgres",
                "do $$ begin if not exists (select from pg_roles where rolname = 'app') then "
                        + "create role app login password 'right-password'; end if; end $$");
        Path hba = cluster.cluster().dataDir().resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        if (!rules.startsWith("host all app")) {
            Files.writeString(hba, "host all app 127.0.0.1/32 scram-sha-256\n" + rules);
            cluster.execute("postgres", "select pg_reload_conf()");
        }
        Cli.Run run = Cli.run(
                "--url",
                "postgresql://app:wrong-s3cret@127.0.0.1:" + cluster.port() + "/" + db,
                "-C",
                project.dir().toString(),
                "-v",
                "migrate");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines().get(0))
                .contains("cannot connect to 127.0.0.1:" + cluster.port() + "/" + db
                        + ": password authentication failed for user app");
        assertThat(run.stderr() + run.stdout()).doesNotContain("wrong-s3cret");
    }

    @Test
    void unknownKeyInKeelYaml() {
        project.config("migrations:\n  lockTimout: 5s\n");
        assertOneErrorLine(
                migrate(),
                2,
                "unknown key 'migrations.lockTimout' in keel.yaml",
                "did you mean 'migrations.lockTimeout'?");
        assertNothingApplied();
    }

    @Test
    void invalidYaml() {
        project.config("migrations:\n  locations: [db/migrations\n");
        assertOneErrorLine(migrate(), 2, "keel.yaml is not valid YAML at line");
    }

    @Test
    void badValueInKeelYaml() {
        project.config("migrations:\n  lockTimeout: soon\n");
        assertOneErrorLine(migrate(), 2, "'migrations.lockTimeout': 'soon' is not a duration");
    }

    @Test
    void unknownOption() {
        assertOneErrorLine(migrate("--fast"), 2, "Unknown option: '--fast'", "--help");
    }

    @Test
    void badTargetVersion() {
        assertOneErrorLine(migrate("--target", "latest-ish"), 2, "'latest-ish' is not a version");
    }

    @Test
    void configurationFromTheEnvironmentIsCheckedToo() {
        Cli.Run run = Cli.runProcess(
                project.dir(),
                Map.of("KEEL_URL", cluster.jdbcUrl(db), "KEEL_MIGRATIONS_LOCKRETRIES", "many"),
                "migrate");
        assertOneErrorLine(run, 2, "'migrations.lockRetries' must be a whole number");
    }

    @Test
    void jsonModeStillPrintsOneDocumentWhenTheCommandFails() throws Exception {
        project.migration("V2__typo.sql", "create tabel c (id int);");
        Cli.Run run = migrate("--json");
        assertThat(run.exitCode()).isEqualTo(4);
        var error = new ObjectMapper().readTree(run.stdout()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(4);
        assertThat(error.get("message").asText()).startsWith("V2__typo.sql:1:8: ERROR 42601");
        assertThat(run.errorLines()).hasSize(1);
    }
}
