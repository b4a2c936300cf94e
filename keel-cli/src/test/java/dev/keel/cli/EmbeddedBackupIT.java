package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (PostgreSQL 17 in .keel/): a backup killed with SIGKILL half way leaves no
 * backup that looks complete, the next one succeeds, and it restores with the embedded binaries.
 */
class EmbeddedBackupIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AfterAll
    static void stopEmbedded() {
        Cli.run("-C", dir.toString(), "db", "stop");
    }

    @Test
    void killedBackupNeverLooksCompleteAndTheNextOneRestores() throws Exception {
        String repo = "file://" + dir.resolve("repo");
        assertThat(Cli.run("-C", dir.toString(), "db", "start").exitCode()).isZero();
        assertThat(Cli.run("-C", dir.toString(), "backup", "init", "--repo", repo)
                        .exitCode())
                .isZero();

        // Throttled, so the child is surely in the middle of copying when it dies.
        JavaProcess victim = Cli.start(dir, Map.of(), "backup", "--repo", repo, "--max-rate", "2");
        waitForCopiedFiles(dir.resolve("repo/backups"), victim);
        victim.kill9();

        JsonNode afterKill = JSON.readTree(Cli.run("-C", dir.toString(), "--json", "backup", "list", "--repo", repo)
                .stdout());
        assertThat(afterKill.get("backups")).hasSize(1);
        assertThat(afterKill.get("backups").get(0).get("complete").asBoolean()).isFalse();
        Cli.Run text = Cli.run("-C", dir.toString(), "backup", "list", "--repo", repo);
        assertThat(text.stdout()).contains("incomplete");

        Cli.Run next = Cli.run("-C", dir.toString(), "--json", "backup", "--repo", repo);
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        JsonNode backup = JSON.readTree(next.stdout());
        assertThat(backup.get("postgresVersion").asText()).startsWith("17");
        JsonNode list = JSON.readTree(Cli.run("-C", dir.toString(), "--json", "backup", "list", "--repo", repo)
                        .stdout())
                .get("backups");
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("id").asText()).isEqualTo(backup.get("id").asText());
        assertThat(list.get(1).get("complete").asBoolean()).isTrue();

        Cli.Run restore = Cli.run(
                "-C",
                dir.toString(),
                "--json",
                "restore",
                "--repo",
                repo,
                "--target-dir",
                dir.resolve("restored").toString());
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        JsonNode result = JSON.readTree(restore.stdout());
        assertThat(result.get("backupId").asText()).isEqualTo(backup.get("id").asText());
        assertThat(result.get("postgresVersion").asText()).startsWith("17");
        assertThat(result.get("running").asBoolean()).isFalse();
        assertThat(result.get("timeline").asInt()).isEqualTo(2);
        assertThat(dir.resolve("restored/postmaster.pid")).doesNotExist();
    }

    @Test
    void walStreamsSynchronouslyFromTheEmbeddedDefault() throws Exception {
        Path project = Files.createDirectories(dir.resolve("stream-project"));
        String repo = "file://" + project.resolve("repo");
        assertThat(Cli.run("-C", project.toString(), "backup", "init", "--repo", repo)
                        .exitCode())
                .isZero();
        Cli.Run setup = Cli.run("-C", project.toString(), "wal", "setup", "--synchronous");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
        JavaProcess stream = Cli.start(
                project, Map.of(), "wal", "stream", "--synchronous", "--repo", repo, "--partial-interval", "1");
        try {
            String url = Cli.run("-C", project.toString(), "db", "url")
                    .stdout()
                    .strip()
                    .split("\\s+")[0];
            Eventually.await(
                    Duration.ofSeconds(60),
                    "keel to stream as a synchronous standby",
                    () -> stream.stderr().contains("as a synchronous standby") || !stream.isAlive(),
                    stream::stderr);
            assertThat(stream.isAlive()).as(stream.stderr()).isTrue();
            // A commit returns only once keel holds its WAL: the standby is synchronous.
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("create table streamed as select g from generate_series(1, 1000) g");
                try (ResultSet rs = s.executeQuery(
                        "select sync_state from pg_stat_replication where application_name = 'keel_wal'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("sync");
                }
            }
        } finally {
            stream.terminate(60);
            Cli.run("-C", project.toString(), "db", "stop");
        }
        assertThat(stream.stderr()).contains("stopped streaming");
        try (Stream<Path> wal = Files.walk(project.resolve("repo/wal"))) {
            assertThat(wal.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".partial"));
        }
    }

    private static void waitForCopiedFiles(Path backups, JavaProcess victim) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertThat(victim.isAlive())
                    .as("the backup ended before it could be killed: %s", victim.stderr())
                    .isTrue();
            if (Files.isDirectory(backups)) {
                try (Stream<Path> files = Files.walk(backups)) {
                    if (files.filter(Files::isRegularFile).count() > 20) {
                        return;
                    }
                } catch (UncheckedIOException e) {
                    // A temporary file was renamed into place while the walk looked at it: count again.
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the backup copied nothing within 120 s: " + victim.stderr());
    }
}
