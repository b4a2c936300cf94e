package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel new needs no database: it writes the next file. */
class NewCommandTest {

    @Test
    void writesTheNextVersion(@TempDir Path dir) throws Exception {
        TestProject project =
                TestProject.in(dir).migration("V1__users.sql", "select 1;").migration("V2__orders.sql", "select 1;");
        Cli.Run run = Cli.run("-C", dir.toString(), "new", "add", "orders", "status");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip())
                .isEqualTo("Created " + Path.of("db", "migrations", "V3__add_orders_status.sql"));
        assertThat(Files.readString(project.migrations().resolve("V3__add_orders_status.sql")))
                .startsWith("-- add orders status");
    }

    @Test
    void changeWritesTheNextVersionAsAChangeFile(@TempDir Path dir) throws Exception {
        TestProject project = TestProject.in(dir).migration("V1__users.sql", "select 1;");
        Cli.Run run = Cli.run("-C", dir.toString(), "new", "--change", "add_status");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip()).isEqualTo("Created " + Path.of("db", "migrations", "V2__add_status.yaml"));
        assertThat(Files.readString(project.migrations().resolve("V2__add_status.yaml")))
                .startsWith("# add_status\n")
                .contains("\noperations:\n")
                .contains("\n#  - add_column:");

        Cli.Run check = Cli.run("-C", dir.toString(), "check", "db/migrations/V2__add_status.yaml");
        assertThat(check.exitCode())
                .as("an untouched skeleton is a finding, not an empty change")
                .isEqualTo(1);
        assertThat(check.stdout()).contains("change-no-operations");
    }

    @Test
    void aDescriptionIsRequired(@TempDir Path dir) {
        TestProject.in(dir);
        assertThat(Cli.run("-C", dir.toString(), "new").exitCode()).isEqualTo(2);
    }
}
