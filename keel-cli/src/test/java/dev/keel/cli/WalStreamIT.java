package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel wal setup and keel wal stream against a test cluster: refusals, and a receiver killed under load. */
@WithPostgres
class WalStreamIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;

    @BeforeAll
    static void cluster(TestCluster testCluster) {
        cluster = testCluster;
    }

    @Test
    void setupNamesTheGrantARoleWithoutReplicationNeeds() {
        cluster.execute("postgres", "create role plain_user login");
        Cli.Run run = Cli.run(
                "--url",
                cluster.jdbcUrl().replace("user=postgres", "user=plain_user"),
                "-C",
                dir.toString(),
                "wal",
                "setup");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("may not stream WAL", "ALTER ROLE plain_user REPLICATION");
    }

    @Test
    void setupWithoutOptionsLeavesWritesAsynchronous() {
        Cli.Run run = Cli.run("--url", cluster.jdbcUrl(), "-C", dir.toString(), "wal", "setup", "--slot", "plain_slot");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Replication slot plain_slot created", "writes never wait for keel");
        assertThat(cluster.queryString(
                        "postgres", "select count(*) from pg_replication_slots where slot_name = 'plain_slot'"))
                .isEqualTo("1");
        assertThat(cluster.queryString("postgres", "show synchronous_standby_names"))
                .isEmpty();
    }

    @Test
    void theSlotComesFromKeelYamlUnlessTheOptionSaysOtherwise() throws Exception {
        Path project = Files.createDirectories(dir.resolve("yaml-project"));
        Files.writeString(project.resolve("keel.yaml"), "backup:\n  stream:\n    slot: yaml_slot\n");
        Cli.Run fromYaml = Cli.run("--url", cluster.jdbcUrl(), "-C", project.toString(), "wal", "setup");
        assertThat(fromYaml.exitCode()).as(fromYaml.stderr()).isZero();
        assertThat(fromYaml.stdout()).contains("Replication slot yaml_slot created");
        Cli.Run fromOption =
                Cli.run("--url", cluster.jdbcUrl(), "-C", project.toString(), "wal", "setup", "--slot", "option_slot");
        assertThat(fromOption.stdout()).contains("Replication slot option_slot created");
    }

    @Test
    void synchronousStreamingIsRefusedWhileTheServerDoesNotWaitForKeel() {
        Path repo = dir.resolve("refused-repo");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        Cli.Run run = BackupRuns.keel(
                cluster,
                dir,
                repo,
                "wal",
                "stream",
                "--synchronous",
                "--slot",
                "refused",
                "--spool",
                dir.resolve("refused-spool").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("does not wait for keel_wal", "keel wal setup --synchronous");
    }

    @Test
    void anUnreachableServerEndsAStreamWithoutLoopWithExitThree() {
        Path repo = dir.resolve("unreachable-repo");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        Cli.Run run = Cli.run(
                "--url",
                "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres",
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--no-loop",
                "--repo",
                "file://" + repo,
                "--spool",
                dir.resolve("unreachable-spool").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errorLines()).singleElement().asString().contains("connection refused");
    }

    @Test
    void aKilledReceiverResumesAndTheRepositoryWalHasNoGap() throws Exception {
        Path repo = dir.resolve("killed-repo");
        Path spool = dir.resolve("killed-spool");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        cluster.execute("postgres", "create table load (id bigint, pad text)");
        JavaProcess first = stream(repo, spool);
        Cli.Run backup = BackupRuns.keel(cluster, dir, repo, "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        for (int round = 0; round < 3; round++) {
            load();
        }
        awaitStored(repo, 3, first);
        load();
        first.kill9();
        for (int round = 0; round < 3; round++) {
            load();
        }
        JavaProcess second = stream(repo, spool);
        Receivers.await(cluster.jdbcUrl(), "keel_wal", Receivers.CAUGHT_UP, second);
        assertThat(second.terminate(60)).as(second.stderr()).isZero();
        assertThat(second.stderr())
                .as("a SIGTERM is a request to stop: exit 0, saying what the repository holds")
                .contains(
                        "streaming WAL from",
                        "stored",
                        "keel: stopped streaming on SIGTERM at ",
                        "all WAL received up to there is flushed and in the repository")
                .doesNotContain("keel: error");

        Cli.Run verify = BackupRuns.keel(cluster, dir, repo, "backup", "verify");
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("only the segment being received stays in the spool")
                    .allMatch(n -> n.endsWith(".partial"));
        }
    }

    /**
     * Regression: SIGTERM, a service manager's way to stop a service, ended keel wal stream with 143 as if
     * it had been killed, though it stopped cleanly after storing what it had received.
     */
    @Test
    void sigtermStoresWhatWasFlushedThenExitsZeroSayingSo() throws Exception {
        Path repo = dir.resolve("sigterm-repo");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        cluster.execute("postgres", "create table sigterm_load (id bigint)");
        // An hour between partial copies: only the stop itself can put the received part of the segment in the
        // repository.
        JavaProcess stream = Cli.start(
                dir,
                Map.of(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                dir.resolve("sigterm-spool").toString(),
                "--slot",
                "sigterm",
                "--application-name",
                "keel_sigterm",
                "--partial-interval",
                "3600");
        Receivers.await(cluster.jdbcUrl(), "keel_sigterm", Receivers.STREAMING, stream);
        cluster.execute("postgres", "insert into sigterm_load select generate_series(1, 1000)");
        String segment = cluster.queryString("postgres", "select pg_walfile_name(pg_current_wal_lsn())");
        Receivers.await(cluster.jdbcUrl(), "keel_sigterm", Receivers.CAUGHT_UP, stream);

        assertThat(stream.terminate(60)).as(stream.stderr()).isZero();

        assertThat(stream.stderr())
                .contains(
                        "keel: stopped streaming on SIGTERM at ",
                        "all WAL received up to there is flushed and in the repository")
                .doesNotContain("keel: error");
        assertThat(repo.resolve("wal").resolve(segment.substring(0, 8)).resolve(segment + ".partial"))
                .as("the received part of the current segment, stored on the way out")
                .exists();
    }

    @Test
    void aServerThatRecycledTheWalKeelWasReceivingIsAGapNamedAndStreamingGoesOn() throws Exception {
        Path repo = dir.resolve("gap-repo");
        Path spool = dir.resolve("gap-spool");
        assertThat(BackupRuns.keel(cluster, dir, repo, "backup", "init").exitCode())
                .isZero();
        cluster.execute("postgres", "create table if not exists gap_load (id bigint, pad text)");
        JavaProcess first = Cli.start(
                dir,
                Map.of(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                spool.toString(),
                "--slot",
                "gap",
                "--application-name",
                "keel_gap",
                "--partial-interval",
                "1");
        Receivers.await(cluster.jdbcUrl(), "keel_gap", Receivers.STREAMING, first);
        cluster.execute("postgres", "insert into gap_load select g, 'x' from generate_series(1, 1000) g");
        // The insert must be in the spool before the stop, or the stop has no part of a segment to store.
        String inserted = cluster.queryString("postgres", "select pg_current_wal_lsn()");
        Receivers.await(cluster.jdbcUrl(), "keel_gap", "flush_lsn >= '" + inserted + "'::pg_lsn", first);
        first.terminate(60);
        // keel is away, its slot is dropped, and the server moves on far enough to recycle the segment keel was
        // receiving.
        // Every inactive slot goes, the other tests' too: any of them would keep the WAL on the server.
        cluster.execute(
                "postgres", "select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active");
        for (int i = 0; i < 8; i++) {
            cluster.execute(
                    "postgres", "insert into gap_load select g, repeat('x', 500) from generate_series(1, 20000) g");
            cluster.execute("postgres", "select pg_switch_wal()");
            cluster.execute("postgres", "checkpoint");
        }
        JavaProcess second = Cli.start(
                dir,
                Map.of(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                spool.toString(),
                "--slot",
                "gap",
                "--application-name",
                "keel_gap",
                "--partial-interval",
                "1");
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!second.stderr().contains("has a gap") && System.nanoTime() < deadline) {
                assertThat(second.isAlive()).as(second.stderr()).isTrue();
                Thread.sleep(50);
            }
            assertThat(second.stderr()).contains("the repository's WAL has a gap", "take a full backup now");
            Receivers.await(cluster.jdbcUrl(), "keel_gap", Receivers.STREAMING, second);
        } finally {
            second.terminate(60);
        }
        assertThat(second.stderr()).doesNotContain("retrying");
        try (Stream<Path> files = Files.walk(repo.resolve("wal"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("what the spool held of the recycled segment")
                    .anyMatch(n -> n.endsWith(".partial"));
        }
    }

    private static void load() {
        cluster.execute("postgres", "insert into load select g, repeat('x', 200) from generate_series(1, 20000) g");
        cluster.execute("postgres", "select pg_switch_wal()");
    }

    private static JavaProcess stream(Path repo, Path spool) {
        List<String> args = new ArrayList<>(List.of(
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                spool.toString(),
                "--slot",
                "killed",
                "--partial-interval",
                "1"));
        return Cli.start(dir, Map.of(), args.toArray(String[]::new));
    }

    private static void awaitStored(Path repo, int segments, JavaProcess stream) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (stream.stderr()
                            .lines()
                            .filter(l -> l.matches("keel: stored [0-9A-F]{24}"))
                            .count()
                    >= segments) {
                return;
            }
            assertThat(stream.isAlive()).as(stream.stderr()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + segments + " segments stored: " + stream.stderr());
    }
}
