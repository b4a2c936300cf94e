package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel migrate against a hot standby (a real one, streaming from the test cluster). Regression: it
 * failed with "cannot execute CREATE TABLE in a read-only transaction — fix the statement".
 */
@WithPostgres
class MigrateOnStandbyIT {

    @Test
    void aHotStandbyIsRefusedInOneLineBeforeAnythingRuns(TestCluster primary, @TempDir Path dir) {
        String db = primary.createDatabase();
        TestProject project = TestProject.in(dir).migration("V1__a.sql", "create table a (id bigint primary key);");
        try (TestCluster standby = primary.startStandby()) {
            assertThat(standby.queryString(db, "select pg_is_in_recovery()")).isEqualTo("t");

            Cli.Run run =
                    Cli.run("--url", standby.jdbcUrl(db), "-C", project.dir().toString(), "migrate");

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("is a hot standby (in recovery) and accepts no writes; migrate did not start")
                    .contains("point migrate at the primary")
                    .doesNotContain("read-only transaction");

            Cli.Run dryRun =
                    Cli.run("--url", standby.jdbcUrl(db), "-C", project.dir().toString(), "migrate", "--dry-run");
            assertThat(dryRun.exitCode())
                    .as("a dry run only reads: %s", dryRun.stderr())
                    .isZero();
            assertThat(dryRun.stdout()).contains("Would apply 1 migration");
        }
        assertThat(primary.queryString(db, "select to_regclass('keel.schema_history') is null"))
                .isEqualTo("t");
    }
}
