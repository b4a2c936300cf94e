package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, validate, baseline, repair, new and migrate's JSON, through the command line on a real cluster. */
@WithPostgres
class CommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestCluster cluster;
    String db;
    TestProject project;

    CommandsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir)
                .migration("V1__users.sql", "create table users (id bigint primary key);")
                .migration("V2__orders.sql", "create table orders (id bigint primary key, user_id bigint references users);")
                .migration("R__v.sql", "create or replace view v as select count(*) from users;");
    }

    Cli.Run keel(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = cluster.jdbcUrl(db);
        all[2] = "-C";
        all[3] = project.dir().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    JsonNode json(String... args) throws Exception {
        Cli.Run run = keel(args);
        assertThat(run.stdout().strip()).as(run.stderr()).startsWith("{").endsWith("}");
        return JSON.readTree(run.stdout());
    }

    @Nested
    class MigrateCommand {
        @Test
        void jsonIsOneDocumentOnStdoutAndProgressGoesToStderr() throws Exception {
            Cli.Run run = keel("migrate", "--json");
            JsonNode result = JSON.readTree(run.stdout());
            assertThat(result.get("applied")).hasSize(3);
            assertThat(result.get("schemaVersionAfter").asText()).isEqualTo("2");
            assertThat(run.stderr()).contains("applied V1");
        }

        @Test
        void globalOptionsMayComeBeforeTheCommand() throws Exception {
            Cli.Run run = Cli.run("--json", "--url", cluster.jdbcUrl(db), "-C", project.dir().toString(), "migrate", "--dry-run");
            JsonNode result = JSON.readTree(run.stdout());
            assertThat(result.get("dryRun").asBoolean()).isTrue();
            assertThat(result.get("applied")).hasSize(3);
        }

        @Test
        void dryRunSaysWhatItWouldDo() {
            Cli.Run run = keel("migrate", "--dry-run");
            assertThat(run.stdout()).contains("Would apply 3 migrations").contains("V2__orders.sql").contains("Dry run: nothing was applied.");
            assertThat(cluster.queryString(db, "select to_regclass('users') is null")).isEqualTo("t");
        }
    }

    @Nested
    class InfoCommand {
        @Test
        void listsAppliedAndPendingWithTheirStates() throws Exception {
            keel("migrate", "--target", "1");
            JsonNode info = json("info", "--json");
            assertThat(info.get("currentVersion").asText()).isEqualTo("1");
            assertThat(info.get("migrations").findValuesAsText("state")).containsExactly("applied", "applied", "pending");
            assertThat(keel("info").stdout()).contains("2 applied, 1 pending.").contains("orders");
        }
    }

    @Nested
    class ValidateCommand {
        @Test
        void passesWhenDiskAndHistoryAgree() throws Exception {
            keel("migrate");
            Cli.Run run = keel("validate");
            assertThat(run.exitCode()).isZero();
            assertThat(run.stdout()).contains("Valid:");
        }

        @Test
        void listsEveryProblemAndExitsOne() throws Exception {
            keel("migrate");
            project.migration("V1__users.sql", "create table users (id bigint primary key, name text);");
            project.delete("V2__orders.sql");
            project.migration("V3__broken.sql", "select $x$ never closed");
            Cli.Run run = keel("validate", "--json");
            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode result = JSON.readTree(run.stdout());
            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("problems").findValuesAsText("kind")).containsExactly("CHECKSUM_CHANGED", "MISSING_FILE", "INVALID_SCRIPT");
        }
    }

    @Nested
    class BaselineCommand {
        @Test
        void skipsMigrationsUpToTheBaseline() {
            cluster.execute(db, "create table users (id bigint primary key)");
            assertThat(keel("baseline", "--version", "1").stdout()).contains("Baselined").contains("version 1");
            Cli.Run run = keel("migrate");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(cluster.queryString(db, "select string_agg(coalesce(version, 'R') || ':' || type, ',' order by installed_rank) from keel.schema_history"))
                    .isEqualTo("1:BASELINE,2:VERSIONED,R:REPEATABLE");
        }

        @Test
        void refusesADatabaseWithHistory() {
            keel("migrate");
            Cli.Run run = keel("baseline", "--version", "5");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errorLines().get(0)).contains("its history already holds");
        }

        @Test
        void needsAVersion() {
            assertThat(keel("baseline").exitCode()).isEqualTo(2);
        }
    }

    @Nested
    class RepairCommand {
        @Test
        void realignsChecksumsAndForgetsDeletedFiles() {
            keel("migrate");
            project.migration("V1__users.sql", "-- reformatted\ncreate table users (id bigint primary key);");
            project.delete("V2__orders.sql");
            assertThat(keel("migrate").exitCode()).isEqualTo(1);
            Cli.Run repair = keel("repair");
            assertThat(repair.stdout()).contains("took the checksum of the file for V1").contains("forgot V2 (V2__orders.sql)");
            assertThat(keel("validate").exitCode()).isZero();
            assertThat(keel("repair").stdout()).contains("Nothing to repair");
        }
    }

    @Nested
    class NewCommand {
        @Test
        void writesTheNextVersion() throws Exception {
            Cli.Run run = keel("new", "add", "orders", "status");
            assertThat(run.stdout().strip()).isEqualTo("Created " + Path.of("db", "migrations", "V3__add_orders_status.sql"));
            assertThat(Files.readString(project.migrations().resolve("V3__add_orders_status.sql"))).startsWith("-- add orders status");
        }
    }
}
