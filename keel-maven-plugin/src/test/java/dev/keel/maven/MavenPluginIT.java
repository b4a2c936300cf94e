package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user runs it: Maven on the sample projects in src/it, against a real cluster. Runs in the
 * integration-test phase, once the plugin is packaged and installed into target/local-repo; the test phase, which
 * runs before the plugin is packaged (and runs this class too when -Dtest names it), does not set the property.
 */
@WithPostgres
@EnabledIfSystemProperty(named = "keel.it.localRepo", matches = ".+")
class MavenPluginIT {
    /** Nothing listens on port 1: a build that reached for this URL would fail. */
    private static final String NOWHERE = "postgresql://keel@127.0.0.1:1/nowhere";

    @TempDir
    static Path work;

    static MavenBuild maven;

    private final TestCluster cluster;

    MavenPluginIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    static void settings() {
        maven = MavenBuild.in(work);
    }

    @Test
    void passingProjectIsCheckedMigratedListedAndValidated() throws Exception {
        String db = cluster.createDatabase();
        Path project = maven.project("passes");

        // -Dkeel.url acts as --url: it wins over KEEL_URL, which points nowhere.
        MavenBuild.Result build = maven.run(
                project,
                Map.of("KEEL_URL", NOWHERE),
                "keel:check",
                "keel:migrate",
                "keel:info",
                "keel:validate",
                "-Dkeel.url=" + cluster.jdbcUrl(db));

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log())
                .contains("0 errors, 0 warnings")
                .contains("Applied 3 migrations to")
                .contains("3 applied, 0 pending")
                .contains("Valid: ")
                .contains("BUILD SUCCESS");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("3");
        Path sarif = project.resolve("target/keel/keel-check.sarif");
        assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"").contains("\"results\" : [ ]");
    }

    @Test
    void checkFailsTheBuildWithTheFindingInTheLogAndTheSarifFile() throws Exception {
        String db = cluster.createDatabase();
        Path project = maven.project("check-fails");
        String url = "-Dkeel.url=" + cluster.jdbcUrl(db);

        MavenBuild.Result build = maven.run(project, Map.of(), "keel:migrate", "keel:check", "-Dkeel.target=1", url);

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log())
                .contains("Applied 1 migration to")
                .contains("V2__drop_legacy_flag.sql:1:19: error dropping-column")
                .contains("keel check found 1 error")
                .contains("BUILD FAILURE");
        assertThat(Files.readString(project.resolve("target/keel/keel-check.sarif")))
                .contains("\"ruleId\" : \"dropping-column\"");

        MavenBuild.Result migrate = maven.run(project, Map.of(), "keel:migrate", url);

        assertThat(migrate.exitCode()).as(migrate.log()).isNotZero();
        assertThat(migrate.log()).contains("[KEEL-MIGRATE-SAFETY-CHECK-FAILED]");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("1");
    }

    @Test
    void shadowAddsWhatPostgresLockedToTheFindings() throws Exception {
        String db = cluster.createDatabase();
        Path project = maven.project("check-fails");
        String url = "-Dkeel.url=" + cluster.jdbcUrl(db);
        assertThat(maven.run(project, Map.of(), "keel:migrate", "-Dkeel.target=1", url)
                        .exitCode())
                .isZero();
        cluster.execute(db, "insert into users (email) select 'u' || g from generate_series(1, 500) g; analyze users");

        MavenBuild.Result build = maven.run(
                project,
                Map.of(),
                "keel:check",
                url,
                "-Dkeel.shadow=true",
                "-Dkeel.shadowUrl=" + cluster.jdbcUrl("postgres"),
                "-Dkeel.shadowRowLimit=100");

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log()).contains("error dropping-column").contains("error shadow-blocking-lock");
        assertThat(cluster.queryString(
                        "postgres", "select count(*) from pg_database where datname like 'keel_shadow_%'"))
                .isEqualTo("0");
    }

    @Test
    void validateFailsTheBuildOnAMigrationChangedAfterItWasApplied() throws Exception {
        String db = cluster.createDatabase();
        Path project = maven.project("check-fails");
        String url = "-Dkeel.url=" + cluster.jdbcUrl(db);
        assertThat(maven.run(project, Map.of(), "keel:migrate", "-Dkeel.target=1", url)
                        .exitCode())
                .isZero();
        Path v1 = project.resolve("db/migrations/V1__create_users.sql");
        Files.writeString(v1, Files.readString(v1).replace("email text not null", "email text"));

        MavenBuild.Result build = maven.run(project, Map.of(), "keel:validate", url);

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log())
                .contains("[ERROR] keel: error: ")
                .contains("[KEEL-MIGRATE-CHECKSUM-CHANGED]")
                .contains("keel validate found 1 problem in");
    }

    @Test
    void unknownKeyInKeelYamlFailsWithKeelsMessage() {
        Path project = maven.project("bad-config");

        MavenBuild.Result build = maven.run(project, Map.of("KEEL_URL", NOWHERE), "keel:info");

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log())
                .contains("keel: error: ")
                .contains("lockTimout")
                .contains("lockTimeout")
                .contains("[KEEL-CORE-CONFIG-UNKNOWN-KEY]");
    }

    @Test
    void skipLeavesTheDatabaseAlone() {
        Path project = maven.project("check-fails");

        MavenBuild.Result build = maven.run(project, Map.of("KEEL_URL", NOWHERE), "keel:migrate", "-Dkeel.skip=true");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("keel: skipped");
    }
}
