package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the backup commands refuse before they touch a repository or a database: the facade's own refusals reach the
 * user as usage errors (exit 2) in the command line's words, never as a Keel bug (exit 70).
 */
class BackupOptionsTest {
    @TempDir
    Path dir;

    @Test
    void withoutARepositoryTheErrorNamesKeelYamlAndTheRepoOption() {
        Cli.Run run = keel("backup", "init");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("no backup repository is configured", "pass --repo");
        assertThat(dir.resolve(".keel")).as("no embedded server started for it").doesNotExist();
    }

    @Test
    void impossibleValuesTheFacadeRefusesAreUsageErrors() {
        String repo = "file://" + dir.resolve("repo");
        assertThat(keel("backup", "init", "--repo", repo).exitCode()).isZero();

        Cli.Run parallel = keel("backup", "verify", "--parallel", "0", "--repo", repo);
        assertThat(parallel.exitCode()).isEqualTo(2);
        assertThat(parallel.errorLines())
                .singleElement()
                .asString()
                .contains("parallel must be between 1 and 64", "--help");

        Cli.Run superuser =
                keel("restore", "--target-dir", dir.resolve("restored").toString(), "--superuser", " ", "--repo", repo);
        assertThat(superuser.exitCode()).isEqualTo(2);
        assertThat(superuser.errorLines()).singleElement().asString().contains("superuser must not be empty");
        assertThat(dir.resolve("restored")).doesNotExist();

        Cli.Run emptyRepo = keel("backup", "list", "--repo", "");
        assertThat(emptyRepo.exitCode()).isEqualTo(2);
        assertThat(emptyRepo.errorLines()).singleElement().asString().contains("repository URL must not be empty");
    }

    private Cli.Run keel(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }
}
