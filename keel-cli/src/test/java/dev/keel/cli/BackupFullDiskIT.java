package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository on a small tmpfs fills up during a backup: one clear line, the earlier backup intact
 * and verifiable, and once there is room the next backup succeeds. Mounting needs root, which the
 * machines this suite runs on have; elsewhere the test is skipped, saying why.
 */
@WithPostgres
class BackupFullDiskIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path mount;

    @BeforeAll
    static void smallDisk() throws Exception {
        mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullRepositoryDiskFailsTheBackupClearlyAndKeepsTheEarlierOne(TestCluster cluster) throws Exception {
        Path repo = mount.resolve("repo");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        Cli.Run first = BackupRuns.keel(cluster, dir, repo, "--json", "backup");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        String firstId = JSON.readTree(first.stdout()).get("id").asText();

        // Random hex compresses to about half: far more than the disk has left.
        cluster.execute(
                "postgres",
                "create table filler as select md5(random()::text) || md5(random()::text) as pad from generate_series(1, 400000)");
        Cli.Run second = BackupRuns.keel(cluster, dir, repo, "backup");
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(second.errorLines()).singleElement().asString().contains("is full", "keel backup prune");

        JsonNode list = JSON.readTree(
                BackupRuns.keel(cluster, dir, repo, "--json", "backup", "list").stdout());
        List<String> complete =
                list.findValues("id").stream().map(JsonNode::asText).toList();
        assertThat(complete).contains(firstId);
        Cli.Run verify = BackupRuns.keel(cluster, dir, repo, "backup", "verify", firstId);
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();

        assertThat(run("mount", "-o", "remount,size=96m", mount.toString())).isZero();
        Cli.Run third = BackupRuns.keel(cluster, dir, repo, "--json", "backup");
        assertThat(third.exitCode()).as(third.stderr()).isZero();
        Cli.Run verifyThird = BackupRuns.keel(
                cluster,
                dir,
                repo,
                "backup",
                "verify",
                JSON.readTree(third.stdout()).get("id").asText());
        assertThat(verifyThird.exitCode())
                .as(verifyThird.stdout() + verifyThird.stderr())
                .isZero();
        // The failed one never counts as a backup.
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "verify", "--all")
                        .stdout())
                .containsPattern("incomplete: no manifest");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        return p.waitFor();
    }
}
