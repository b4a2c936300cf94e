package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** keel check on the project's pending migrations and on given files, in every output format. */
class CheckCommandIT extends ProjectOnCluster {
    private static final String RISKY = "create index users_id_idx on users (id);\n";

    CheckCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void checksOnlyThePendingMigrationsOfTheProject() throws Exception {
        keel("migrate");
        project.migration("V3__index.sql", RISKY);
        Cli.Run run = keel("check");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .startsWith(
                        "V3__index.sql:1:1: error require-concurrent-index-creation: CREATE INDEX takes a SHARE lock on users")
                .contains("    ^")
                .contains("fix: CREATE INDEX CONCURRENTLY")
                .contains("1 file, 1 statements: 1 error, 0 warnings.");
    }

    @Test
    void jsonListsFindingsWithTheDocumentedFields() throws Exception {
        keel("migrate");
        project.migration("V3__index.sql", RISKY);
        JsonNode report = json("check", "--format", "json");
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("require-concurrent-index-creation");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("file").asText()).isEqualTo("V3__index.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(1);
        assertThat(finding.get("column").asInt()).isEqualTo(1);
        assertThat(finding.get("fix").asText()).isNotBlank();
        assertThat(finding.get("source").asText()).isEqualTo("static");
    }

    @Test
    void sarifGithubAndMarkdownForReview() throws Exception {
        Path file = project.dir().resolve("risky.sql");
        Files.writeString(file, RISKY);
        JsonNode sarif =
                JSON.readTree(keel("check", "risky.sql", "--format", "sarif").stdout());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = null;
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("require-concurrent-index-creation")) {
                result = r;
            }
        }
        assertThat(result).as("the index finding in the SARIF results").isNotNull();
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(1);

        // Files keel does not run itself also get the lock_timeout warning.
        assertThat(keel("check", "risky.sql", "--format", "github").stdout())
                .contains(
                        "::error file=risky.sql,line=1,col=1,title=keel require-concurrent-index-creation::CREATE INDEX")
                .contains("::warning file=risky.sql,line=1,col=1,title=keel missing-lock-timeout::");
        assertThat(keel("check", "risky.sql", "--format", "markdown").stdout())
                .contains(
                        "| [require-concurrent-index-creation](docs/checks/require-concurrent-index-creation.md) | 1 | 0 |")
                .contains("**Fix:**");
    }

    @Test
    void findingsOnAChangeFileNameTheOperationInEveryFormat() throws Exception {
        Files.writeString(
                project.dir().resolve("V9__change.yaml"),
                "operations:\n  - rename_column: {table: users, from: id, to: uid}\n"
                        + "  - alter_column: {table: users, column: id, typo: bigint}\n"
                        + "  - raw_sql: {up: \"select 1\"}\n");
        String unknownKey = "operation 2 (alter_column on users.id): alter_column has no key 'typo'";
        String rawSql = "operation 3 (raw_sql): raw_sql runs SQL keel cannot see into";

        Cli.Run text = keel("check", "V9__change.yaml");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stdout())
                .contains("V9__change.yaml:3:46: error change-unknown-key: " + unknownKey)
                .contains("V9__change.yaml:4:14: warning change-raw-sql: " + rawSql)
                .contains("see: docs/changes/findings.md#change-unknown-key")
                .doesNotContain("docs/checks/change-");

        JsonNode json = json("check", "V9__change.yaml", "--format", "json");
        List<String> messages = new ArrayList<>();
        json.get("findings").forEach(f -> messages.add(f.get("message").asText()));
        assertThat(messages).anyMatch(m -> m.startsWith(unknownKey)).anyMatch(m -> m.startsWith(rawSql));

        assertThat(keel("check", "V9__change.yaml", "--format", "sarif").stdout())
                .contains("docs/changes/findings.md#change-unknown-key")
                .contains(unknownKey)
                .contains(rawSql);
        assertThat(keel("check", "V9__change.yaml", "--format", "github").stdout())
                .contains("title=keel change-unknown-key::" + unknownKey)
                .contains(rawSql);
        assertThat(keel("check", "V9__change.yaml", "--format", "markdown").stdout())
                .contains("[change-raw-sql](docs/changes/findings.md#change-raw-sql)")
                .contains(unknownKey)
                .contains(rawSql);
    }

    @Test
    void aPendingChangeFileIsCheckedAgainstTheDatabaseAndItsFindingsNameTheOperation() throws Exception {
        keel("migrate");
        project.migration(
                "V3__change.yaml", "operations:\n  - alter_column: {table: users, column: nope, type: bigint}\n");
        Cli.Run run = keel("check");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("V3__change.yaml:2:")
                .contains("error change-missing-column: operation 1 (alter_column on users.nope): column nope does"
                        + " not exist in users");
    }

    @Test
    void aCleanFileExitsZero() throws Exception {
        Files.writeString(project.dir().resolve("safe.sql"), "create index concurrently users_id_idx on users (id);\n");
        Cli.Run run = keel("check", "safe.sql");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("0 errors");
    }

    @Test
    void badInputGetsAClearMessageNeverAStackTrace() throws Exception {
        Cli.Run missing = keel("check", "nowhere.sql");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errorLines()).singleElement().asString().contains("nowhere.sql does not exist");

        Files.write(project.dir().resolve("blob.sql"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00});
        Cli.Run binary = keel("check", "blob.sql");
        assertThat(binary.exitCode()).isEqualTo(1);
        assertThat(binary.errorLines()).singleElement().asString().contains("blob.sql is a binary file");

        Files.writeString(project.dir().resolve("open.sql"), "select 'never closed;\n");
        Cli.Run open = keel("check", "open.sql");
        assertThat(open.exitCode()).isEqualTo(1);
        assertThat(open.stdout()).contains("open.sql:1:8: error unparseable-sql: unterminated quoted string");

        Files.writeString(project.dir().resolve("empty.sql"), "-- todo\n");
        assertThat(keel("check", "empty.sql").stdout())
                .contains("warning empty-migration: empty.sql holds no SQL statement");
        assertThat(missing.stderr() + binary.stderr() + open.stderr()).doesNotContain("\tat ");
    }

    @Test
    void migrateRefusesAnErrorFindingAndSkipChecksOverridesLoudly() {
        keel("migrate");
        project.migration("V3__index.sql", RISKY);
        Cli.Run refused = keel("migrate");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errorLines())
                .singleElement()
                .asString()
                .contains("V3__index.sql:1:1: require-concurrent-index-creation")
                .contains("nothing was applied");
        Cli.Run skipped = keel("migrate", "--skip-checks");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.stderr()).contains("--skip-checks: the safety checks did NOT run on 1 pending migration");
    }

    @Test
    void adoptingKeelOnAnExistingHistoryNeedsNoEditsToAppliedFiles() throws Exception {
        cluster.execute(db, "create table legacy (id bigint)");
        project.migration("V3__legacy_idx.sql", "create index legacy_id on legacy (id);\n")
                .migration("V4__drop_legacy.sql", "drop table legacy;\n")
                .config("""
                        check:
                          startAfter: 3
                          exclude: [prefer-text]
                          waivers:
                            V4__drop_legacy.sql:
                              dropping-table: release 4.2 stopped using legacy
                        """);
        JsonNode report = json("check", "--format", "json");
        assertThat(report.get("errors").asInt()).as(report.toString()).isZero();
        assertThat(report.get("startAfter").asText()).isEqualTo("3");
        assertThat(report.get("skippedFiles").asInt()).isEqualTo(3);
        assertThat(report.get("excluded").get(0).asText()).isEqualTo("prefer-text");
        JsonNode waived = report.get("waived").get(0);
        assertThat(waived.get("rule").asText()).isEqualTo("dropping-table");
        assertThat(waived.get("waivedBy").asText()).isEqualTo("keel.yaml");
        assertThat(waived.get("reason").asText()).isEqualTo("release 4.2 stopped using legacy");
        assertThat(keel("check").stdout())
                .contains("V4__drop_legacy.sql:1: waived dropping-table (keel.yaml): release 4.2 stopped using legacy")
                .contains("checks start after version 3 (check.startAfter): 3 earlier files read for the schema only")
                .contains("rules excluded by check.exclude: prefer-text");
        Cli.Run migrate = keel("migrate");
        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
    }

    @Test
    void givenMigrationFilesThatMigrateWouldRefuseAreErrors() throws Exception {
        Path file = project.migrations().resolve("V3__note.sql");
        Files.writeString(file, "BEGIN;\nalter table users add column note text;\nCOMMIT;\n");
        Cli.Run run = keel("check", project.dir().relativize(file).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("V3__note.sql:1:1: error migrate-refuses: BEGIN in a migration");
    }

    @Test
    void changedSinceChecksOnlyWhatChanged() throws Exception {
        Path dir = project.dir();
        Files.writeString(dir.resolve("old.sql"), RISKY);
        git(dir, "init", "-q");
        git(dir, "add", ".");
        git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
        Files.writeString(dir.resolve("new.sql"), "create index users_id2 on users (id);\n");
        git(dir, "add", "new.sql");
        Cli.Run run = keel("check", "--changed-since", "HEAD", "--format", "github");
        assertThat(run.stdout()).contains("file=new.sql").doesNotContain("old.sql");
        Cli.Run none = keel("check", "--changed-since", "no-such-rev");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errorLines())
                .singleElement()
                .asString()
                .contains("git cannot list the changes since no-such-rev");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void shadowReportsWhatPostgresDidBesideTheStaticFindings() throws Exception {
        keel("migrate");
        cluster.execute(db, "insert into users select g from generate_series(1, 500) g; analyze users");
        project.migration(
                "V3__flag.sql",
                "-- keel:allow adding-field-with-volatile-default the test wants the rewrite\n"
                        + "alter table users add column flag float8 default random();");
        JsonNode report = json(
                "check",
                "--shadow",
                "--shadow-url",
                cluster.jdbcUrl("postgres"),
                "--shadow-row-limit",
                "100",
                "--format",
                "json");
        JsonNode shadow = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("source").asText().equals("shadow")) {
                shadow = f;
            }
        }
        assertThat(shadow).as("a shadow finding in %s", report).isNotNull();
        assertThat(shadow.get("rule").asText()).isEqualTo("shadow-blocking-lock");
        assertThat(shadow.get("severity").asText()).isEqualTo("error");
        assertThat(shadow.get("message").asText())
                .contains("ACCESS EXCLUSIVE on users (~500 rows on the target)")
                .contains("rewrites");
        assertThat(cluster.queryString(
                        "postgres", "select count(*) from pg_database where datname like 'keel_shadow_%'"))
                .isEqualTo("0");
    }

    @Test
    void shadowAtAScaleFillsTheShadowAndSaysSo() throws Exception {
        keel("migrate");
        cluster.execute(db, "insert into users select g from generate_series(1, 4000) g; analyze users");
        project.migration(
                "V3__flag.sql",
                "-- keel:allow adding-field-with-volatile-default the test wants the rewrite\n"
                        + "alter table users add column flag float8 default random();");
        Cli.Run run = keel(
                "check",
                "--shadow",
                "--shadow-url",
                cluster.jdbcUrl("postgres"),
                "--scale",
                "0.25",
                "--scale-cap",
                "500",
                "--format",
                "json");
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(report.toString())
                .contains("ACCESS EXCLUSIVE on users (~4000 rows on the target)")
                .contains("at scale 0.25)");
        assertThat(run.stderr())
                .contains("keel: warning: shadow: users gets 500 synthetic rows, not 1000")
                .contains("keel: shadow filled with 500 synthetic rows");
    }

    @Test
    void aBadScaleIsAUsageErrorOnOneLine() throws Exception {
        for (String bad : new String[] {"-1", "2", "lots"}) {
            Cli.Run run = keel("check", "--shadow", "--scale", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.errorLines())
                    .as(bad)
                    .singleElement()
                    .asString()
                    .contains("--scale must be a number from 0 to 1");
        }
        Cli.Run withoutShadow = keel("check", "--scale", "0.5");
        assertThat(withoutShadow.exitCode()).isEqualTo(2);
        assertThat(withoutShadow.errorLines()).singleElement().asString().contains("add --shadow or drop --scale");
    }
}
