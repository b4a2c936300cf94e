package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RPO 0: with keel a synchronous standby, every commit the server acknowledged survives a kill -9
 * of the whole primary and the loss of its data directory, restored from the repository alone. Then
 * keel follows the restored, promoted cluster onto its new timeline.
 */
@WithPostgres
class WalStreamRpoZeroIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedCommitIsLostAndTheStreamFollowsThePromotedCluster(TestCluster cluster) throws Exception {
        Path repo = dir.resolve("repo");
        Path spool = dir.resolve("spool");
        // Test clusters run with synchronous_commit off; RPO 0 needs commits that wait.
        cluster.execute("postgres", "alter system set synchronous_commit = on");
        cluster.execute("postgres", "select pg_reload_conf()");
        cluster.execute("postgres", "create table acked (id bigint primary key, writer int)");
        assertThat(keel(cluster.jdbcUrl(), repo, "backup", "init").exitCode()).isZero();

        Cli.Run setup = Cli.run("--url", cluster.jdbcUrl(), "-C", dir.toString(), "wal", "setup", "--synchronous");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
        assertThat(setup.stdout()).contains("synchronous standby", "writes hang", "keel wal setup --asynchronous");

        JavaProcess stream = startStream(cluster.jdbcUrl(), repo, spool, "--synchronous");
        Receivers.await(cluster.jdbcUrl(), "keel_wal", Receivers.SYNCHRONOUS, stream);
        Cli.Run backup = keel(cluster.jdbcUrl(), repo, "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();

        // Writers commit one row per transaction; an id counts only once its commit returned.
        Set<Long> acknowledged = new ConcurrentSkipListSet<>();
        AtomicLong ids = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(cluster.jdbcUrl(), writer, ids, acknowledged));
            thread.start();
            writers.add(thread);
        }
        Eventually.await(
                Duration.ofSeconds(120),
                "300 acknowledged commits",
                () -> acknowledged.size() >= 300,
                () -> acknowledged.size() + " acknowledged, "
                        + writers.stream().filter(Thread::isAlive).count() + " writers alive; keel: "
                        + stream.stderr());
        killWholeServer(cluster);
        for (Thread writer : writers) {
            writer.join(30_000);
            assertThat(writer.isAlive())
                    .as("a writer still running 30 s after the server was killed")
                    .isFalse();
        }
        FileTrees.deleteQuietly(cluster.cluster().dataDir());
        assertThat(stream.terminate(60)).as(stream.stderr()).isZero();

        JsonNode first = restore(repo, dir.resolve("restored"));
        Set<Long> restored = ids(first.get("port").asInt());
        assertThat(restored)
                .as("every acknowledged commit is in the restored cluster")
                .containsAll(acknowledged);
        assertThat(restored.size()).isLessThanOrEqualTo((int) ids.get());

        // The restored cluster is promoted onto timeline 2; keel streams from it into the same repository.
        String promotedUrl = "jdbc:postgresql://127.0.0.1:" + first.get("port").asInt() + "/postgres?user=postgres";
        JavaProcess follow = startStream(promotedUrl, repo, spool);
        try (Connection c = DriverManager.getConnection(promotedUrl);
                Statement s = c.createStatement()) {
            s.execute("insert into acked select -g, 9 from generate_series(1, 500) g");
            s.execute("select pg_switch_wal()");
            s.execute("insert into acked select -g, 9 from generate_series(501, 600) g");
        }
        Receivers.await(promotedUrl, "keel_wal", Receivers.CAUGHT_UP, follow);
        assertThat(follow.terminate(60)).as(follow.stderr()).isZero();
        assertThat(follow.stderr()).contains("timeline 2");
        stop(first, dir.resolve("restored"));
        assertThat(Files.exists(repo.resolve("wal/00000002/00000002.history"))).isTrue();

        Cli.Run verify = keel(promotedUrl, repo, "backup", "verify");
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();

        JsonNode second = restore(repo, dir.resolve("restored-again"));
        try {
            Set<Long> again = ids(second.get("port").asInt());
            assertThat(again).containsAll(restored);
            assertThat(again.stream().filter(id -> id < 0).count())
                    .as(
                            "rows written on the promoted cluster; stream: %s; repository: %s",
                            follow.stderr(), listing(repo))
                    .isEqualTo(600);
        } finally {
            stop(second, dir.resolve("restored-again"));
        }
    }

    private JavaProcess startStream(String url, Path repo, Path spool, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--url",
                url,
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                spool.toString(),
                "--partial-interval",
                "1"));
        args.addAll(List.of(extra));
        return Cli.start(dir, Map.of(), args.toArray(String[]::new));
    }

    private Cli.Run keel(String url, Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "-C", dir.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--repo", "file://" + repo));
        return Cli.run(all.toArray(String[]::new));
    }

    private static void write(String url, int writer, AtomicLong ids, Set<Long> acknowledged) {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement insert = c.prepareStatement("insert into acked values (?, ?)")) {
            while (true) {
                long id = ids.incrementAndGet();
                insert.setLong(1, id);
                insert.setInt(2, writer);
                insert.executeUpdate();
                acknowledged.add(id);
            }
        } catch (SQLException e) {
            // the server is gone: this writer's last commit was never acknowledged
        }
    }

    /** SIGKILL to the postmaster and every one of its processes at once: nothing gets to finish. */
    private static void killWholeServer(TestCluster cluster) throws Exception {
        long postmaster =
                Long.parseLong(Files.readAllLines(cluster.cluster().dataDir().resolve("postmaster.pid"))
                        .get(0)
                        .strip());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(0, handle);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private JsonNode restore(Path repo, Path target) throws Exception {
        Cli.Run run = Cli.run(
                "-C",
                dir.toString(),
                "--json",
                "restore",
                "--repo",
                "file://" + repo,
                "--target-dir",
                target.toString(),
                "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static Set<Long> ids(int port) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from acked")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static List<String> listing(Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo.resolve("wal"))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> repo.relativize(f) + " " + f.toFile().length())
                    .sorted()
                    .toList();
        }
    }

    private static void stop(JsonNode restored, Path target) {
        new PostgresCluster(PostgresBinaries.at(Path.of(restored.get("binDir").asText())), target).stop();
    }
}
