package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Checksum;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team moving from Flyway: its history is adopted, applied migrations are not run again, edits are still caught. */
@WithPostgres
class ImportFlywayIT {
    private static final String V1 = "create table users (id bigint primary key);\n";
    private static final String V2 = "create table orders (id bigint primary key);\r\n";

    @Test
    void adoptsFlywaysHistoryAndKeepsItsChecksums(TestCluster cluster, @TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir)
                .migration("V1__users.sql", V1)
                .migration("V1_1__orders.sql", V2)
                .migration("V2__items.sql", "create table items (id bigint primary key);");
        // What Flyway left behind after applying V1 and V1_1 (its own table layout and row types).
        cluster.execute(db, V1 + V2);
        cluster.execute(db, """
                create table flyway_schema_history (
                  installed_rank int primary key, version varchar(50), description varchar(200) not null, type varchar(20) not null,
                  script varchar(1000) not null, checksum int, installed_by varchar(100) not null,
                  installed_on timestamp not null default now(), execution_time int not null, success boolean not null);
                insert into flyway_schema_history values
                  (1, null, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', null, 'app', now(), 0, true),
                  (2, '1', 'users', 'SQL', 'V1__users.sql', %d, 'app', now(), 5, true),
                  (3, '1.1', 'orders', 'SQL', 'V1_1__orders.sql', %d, 'app', now(), 4, true);
                """.formatted(Checksum.of(V1), Checksum.of(V2)));
        Cli.Run imported = Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "import-flyway");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout())
                .contains("Imported 2 rows from public.flyway_schema_history")
                .contains("now at version 1.1")
                .contains("skipped rank 1: Flyway's schema creation marker");

        Cli.Run migrate = Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "migrate");
        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        assertThat(migrate.stdout()).contains("Applied 1 migration").contains("now at version 2");

        project.migration("V1__users.sql", "create table users (id bigint primary key, name text);\n");
        Cli.Run drift = Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "validate");
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.stdout()).contains("V1__users.sql was changed after it was applied");
    }

    @Test
    void refusesWithoutAFlywayTable(TestCluster cluster, @TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject.in(dir).migration("V1__users.sql", V1);
        Cli.Run run = Cli.run("--url", cluster.jdbcUrl(db), "-C", dir.toString(), "import-flyway");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines().get(0))
                .contains("there is no Flyway history table public.flyway_schema_history")
                .contains("--flyway-schema");
    }
}
