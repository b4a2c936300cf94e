package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How keel reads a project's folders and keel.yaml through the command line, on a real cluster. */
@WithPostgres
class ProjectLayoutIT {
    private final TestCluster cluster;
    private String db;
    private Path dir;

    ProjectLayoutIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        this.db = cluster.createDatabase();
        this.dir = dir;
    }

    private Cli.Run migrate() {
        return Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "migrate");
    }

    private boolean tableExists(String table) {
        return cluster.queryString(db, "select to_regclass('" + table + "') is not null")
                .equals("t");
    }

    /** Regression: a symlinked migrations folder was skipped silently and nothing was applied. */
    @Test
    void aSymlinkedMigrationsFolderIsApplied() throws IOException {
        Path shared = TestProject.in(dir.resolve("shared"))
                .migration("V1__linked.sql", "create table linked (id bigint);")
                .migrations();
        Files.createDirectories(dir.resolve("db"));
        Files.createSymbolicLink(dir.resolve("db/migrations"), shared);

        Cli.Run run = migrate();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(tableExists("linked")).isTrue();
    }

    /** Regression: a directory named V2__x.sql was taken for a folder and its name ignored. */
    @Test
    void aDirectoryWithAMigrationsNameIsRefusedAndNothingIsApplied() throws IOException {
        TestProject project = TestProject.in(dir).migration("V1__good.sql", "create table good (id bigint);");
        Files.createDirectories(project.migrations().resolve("V2__x.sql"));

        Cli.Run run = migrate();

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().contains("V2__x.sql is a directory");
        assertThat(tableExists("good")).isFalse();
    }

    /** Regression: the second of two equal keys silently won. */
    @Test
    void aDuplicateKeyInKeelYamlIsExit2() {
        TestProject.in(dir)
                .migration("V1__good.sql", "create table good (id bigint);")
                .config("migrations:\n  lockTimeout: 2s\n  lockTimeout: 0\n");

        Cli.Run run = migrate();

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("keel.yaml sets 'migrations.lockTimeout' twice");
        assertThat(tableExists("good")).isFalse();
    }

    @Test
    void aSectionGivenANumberSaysItMustBeASection() {
        TestProject.in(dir)
                .migration("V1__good.sql", "create table good (id bigint);")
                .config("migrations: 5\n");

        Cli.Run run = migrate();

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("'migrations' in keel.yaml must be a section");
    }
}
