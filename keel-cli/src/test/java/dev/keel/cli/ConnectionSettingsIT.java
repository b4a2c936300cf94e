package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented order: --url, KEEL_URL, keel.yaml, PG* variables with ~/.pgpass, embedded; passwords never shown. */
@WithPostgres
class ConnectionSettingsIT {
    private static final String PASSWORD = "pgpass-s3cret";

    @BeforeAll
    static void passwordRole(TestCluster cluster) throws Exception {
        cluster.execute("postgres", "create role shop login password '" + PASSWORD + "'");
        cluster.execute("postgres", "create database shop owner shop");
        Path hba = cluster.cluster().dataDir().resolve("pg_hba.conf");
        Files.writeString(hba, "host all shop 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        cluster.execute("postgres", "select pg_reload_conf()");
    }

    private static TestProject project(Path dir) {
        return TestProject.in(dir).migration("V1__a.sql", "create table if not exists a (id int);");
    }

    @Test
    void libpqVariablesAndPgpassFile(TestCluster cluster, @TempDir Path dir) throws Exception {
        project(dir);
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + cluster.port() + ":shop:shop:" + PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Cli.Run run = Cli.runProcess(
                dir,
                Map.of(
                        "PGHOST",
                        "127.0.0.1",
                        "PGPORT",
                        String.valueOf(cluster.port()),
                        "PGDATABASE",
                        "shop",
                        "PGUSER",
                        "shop",
                        "PGPASSFILE",
                        pgpass.toString()),
                "migrate");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("127.0.0.1:" + cluster.port() + "/shop");
        assertThat(cluster.queryString("shop", "select installed_by from keel.schema_history where version = '1'"))
                .isEqualTo("shop");
    }

    @Test
    void keelUrlWinsOverKeelYamlAndPgVariables(TestCluster cluster, @TempDir Path dir) {
        project(dir).config("database:\n  url: postgresql://127.0.0.1:1/nowhere\n");
        Cli.Run run = Cli.runProcess(
                dir,
                Map.of(
                        "KEEL_URL",
                        "postgresql://shop:" + PASSWORD + "@127.0.0.1:" + cluster.port() + "/shop",
                        "PGHOST",
                        "127.0.0.1",
                        "PGPORT",
                        "1"),
                "migrate");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
    }

    @Test
    void urlOptionWinsOverKeelUrl(TestCluster cluster, @TempDir Path dir) {
        project(dir);
        Cli.Run run = Cli.runProcess(
                dir,
                Map.of("KEEL_URL", "postgresql://127.0.0.1:1/nowhere"),
                "--url",
                "postgresql://shop:" + PASSWORD + "@127.0.0.1:" + cluster.port() + "/shop",
                "info");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    @Test
    void keelYamlWithAPasswordFromTheEnvironment(TestCluster cluster, @TempDir Path dir) {
        project(dir)
                .config("database:\n  url: postgresql://127.0.0.1:" + cluster.port()
                        + "/shop\n  user: shop\n  password: ${SHOP_PASSWORD}\n");
        Cli.Run run = Cli.runProcess(dir, Map.of("SHOP_PASSWORD", PASSWORD), "-v", "migrate", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordFromPgpassIsExitThreeWithoutThePassword(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        project(dir);
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:shop:not-" + PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Cli.Run run = Cli.runProcess(
                dir,
                Map.of(
                        "PGHOST",
                        "127.0.0.1",
                        "PGPORT",
                        String.valueOf(cluster.port()),
                        "PGDATABASE",
                        "shop",
                        "PGUSER",
                        "shop",
                        "PGPASSFILE",
                        pgpass.toString()),
                "-v",
                "migrate");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines().get(0)).contains("password authentication failed for user shop");
        assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
    }
}
