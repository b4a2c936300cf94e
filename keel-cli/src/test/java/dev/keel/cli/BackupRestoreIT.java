package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of the test cluster (the system's PostgreSQL when installed) through the CLI:
 * one repository and one backup shared by the tests, because each backup and restore is heavy.
 */
@WithPostgres
class BackupRestoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path repo;
    static TestCluster cluster;
    /** Ids the writer saw committed, with the time (ms) the commit returned. */
    static final ConcurrentSkipListMap<Long, Long> committed = new ConcurrentSkipListMap<>();

    static JsonNode backup;

    @BeforeAll
    static void backupUnderConcurrentWrites(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute(
                "postgres", "create table events (id bigint primary key, at timestamptz default clock_timestamp())");
        assertThat(keel("backup", "init").exitCode()).isZero();

        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection c = cluster.connect();
                    PreparedStatement insert = c.prepareStatement("insert into events (id) values (?)")) {
                for (long id = 1; !stop.get(); id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    committed.put(id, System.currentTimeMillis());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        // The backup starts while the writer commits, and after it has committed some rows.
        Eventually.await(
                Duration.ofSeconds(60),
                "the writer's first 100 commits",
                () -> committed.size() >= 100,
                () -> committed.size() + " committed, writer alive: " + writer.isAlive());
        Cli.Run run = keel("--json", "backup", "--parallel", "3");
        stop.set(true);
        writer.join();
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        backup = JSON.readTree(run.stdout());
    }

    @Test
    void listShowsTheBackupComplete() throws Exception {
        Cli.Run run = keel("--json", "backup", "list");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode backups = JSON.readTree(run.stdout()).get("backups");
        assertThat(backups).hasSize(1);
        assertThat(backups.get(0).get("id").asText()).isEqualTo(backup.get("id").asText());
        assertThat(backups.get(0).get("complete").asBoolean()).isTrue();
        assertThat(backups.get(0).get("postgresVersion").asText()).startsWith(String.valueOf(cluster.majorVersion()));
    }

    @Test
    void restoredClusterHoldsEveryRowCommittedBeforeTheBackupStopped() throws Exception {
        Path target = dir.resolve("restored-latest");
        Cli.Run run = keel("--json", "restore", "--target-dir", target.toString(), "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        int port = result.get("port").asInt();
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            long count;
            long max;
            try (Connection c = DriverManager.getConnection(url);
                    var s = c.createStatement();
                    var rs = s.executeQuery("select count(*), coalesce(max(id), 0) from events")) {
                rs.next();
                count = rs.getLong(1);
                max = rs.getLong(2);
                // A promoted cluster accepts writes.
                s.execute("insert into events (id) values (-1)");
            }
            // One writer commits ids in order: the restore holds exactly ids 1..max, all of them committed.
            assertThat(count).isEqualTo(max);
            assertThat(committed).containsKey(max);
            long backupStart = Instant.parse(backup.get("startTime").asText()).toEpochMilli();
            long committedBeforeStart = committed.headMap(Long.MAX_VALUE).entrySet().stream()
                    .filter(e -> e.getValue() < backupStart)
                    .count();
            assertThat(max).isGreaterThanOrEqualTo(committedBeforeStart).isGreaterThan(0);
            assertThat(result.get("url").asText()).contains(":" + port + "/");
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    @Test
    void pointInTimeRestoreHoldsExactlyTheFirstBatch() throws Exception {
        cluster.execute("postgres", "create table batches (batch int, n int)");
        cluster.execute("postgres", "insert into batches select 1, g from generate_series(1, 100) g");
        String afterFirst = cluster.queryString("postgres", "select clock_timestamp()::text");
        // The insert position: with synchronous_commit off (as on test clusters) the write position may still lag
        // behind the commit.
        String lsnAfterFirst = cluster.queryString("postgres", "select pg_current_wal_insert_lsn()::text");
        // The second batch must commit later than the target time, or recovery would replay it too.
        Eventually.await(
                Duration.ofSeconds(10),
                "the server's clock to pass " + afterFirst,
                () -> "t"
                        .equals(cluster.queryString(
                                "postgres", "select clock_timestamp() > '" + afterFirst + "'::timestamptz")));
        cluster.execute("postgres", "insert into batches select 2, g from generate_series(1, 100) g");
        BackupRuns.pushFinishedSegments(
                cluster, dir, repo, cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())"));

        assertThat(restoredBatches("restored-time", afterFirst)).isEqualTo("1:100");
        assertThat(restoredBatches("restored-lsn", lsnAfterFirst)).isEqualTo("1:100");
    }

    @Test
    void nonEmptyTargetIsRefused() throws Exception {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target);
        Files.writeString(target.resolve("precious.txt"), "keep me");
        Cli.Run run = keel("restore", "--target-dir", target.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("is not empty")
                .contains("--overwrite");
        assertThat(target.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void damagedObjectIsRefused() throws Exception {
        Path files = repo.resolve("backups").resolve(backup.get("id").asText()).resolve("files");
        Path victim;
        try (Stream<Path> all = Files.walk(files)) {
            victim = all.filter(Files::isRegularFile)
                    .max(Comparator.comparingLong(BackupRestoreIT::size))
                    .orElseThrow();
        }
        byte[] content = Files.readAllBytes(victim);
        content[content.length / 2] ^= 0x40;
        Files.write(victim, content);
        try {
            Path target = dir.resolve("restored-damaged");
            Cli.Run run = keel("restore", "--target-dir", target.toString());
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("damaged")
                    .contains(backup.get("id").asText());
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left).as("nothing of a refused restore stays behind").isEmpty();
            }
        } finally {
            content[content.length / 2] ^= 0x40;
            Files.write(victim, content);
        }
    }

    private static String restoredBatches(String name, String to) throws Exception {
        Path target = dir.resolve(name);
        Cli.Run run = keel("--json", "restore", "--target-dir", target.toString(), "--to", to, "--start");
        assertThat(run.exitCode()).as(() -> run.stderr() + serverLog(target)).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select string_agg(batch || ':' || n, ',') from (select batch, count(*) n from batches group by batch order by batch) b")) {
            rs.next();
            return rs.getString(1) + (rs.getString(1) == null ? serverLog(target) : "");
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    private static String serverLog(Path target) {
        try {
            return Files.readString(target.resolveSibling(target.getFileName() + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
