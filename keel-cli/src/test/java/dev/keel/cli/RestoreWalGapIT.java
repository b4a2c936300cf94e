package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore never reports less than it was asked for as success. One backup, then five rounds of 1,000
 * committed rows, each round in a WAL segment of its own, all archived; each test removes or damages
 * one segment and puts it back. Regression for a restore to latest that exited 0 with 1,001 of 5,001
 * rows because one segment in the middle of the repository was missing.
 */
@WithPostgres
class RestoreWalGapIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 5;
    private static final int ROWS_PER_ROUND = 1000;
    /** Created in round 4 (index 3), past the gap the tests make at round 3 (index 2). */
    private static final String RESTORE_POINT = "after_round_four";

    @TempDir
    static Path dir;

    static Path repo;
    static TestCluster cluster;
    static JsonNode backup;
    /** The segment holding each round's rows, and the WAL position and clock right after each round committed. */
    static final List<String> segments = new ArrayList<>();

    static final List<String> lsnAfter = new ArrayList<>();
    static final List<String> timeAfter = new ArrayList<>();

    @BeforeAll
    static void backupThenFiveRoundsOfRows(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute("postgres", "create table numbered (id bigint primary key)");
        assertThat(keel("backup", "init").exitCode()).isZero();
        Cli.Run run = keel("--json", "backup");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        backup = JSON.readTree(run.stdout());
        for (int round = 0; round < ROUNDS; round++) {
            long from = (long) round * ROWS_PER_ROUND + 1;
            cluster.execute(
                    "postgres",
                    "insert into numbered select generate_series(" + from + ", " + (from + ROWS_PER_ROUND - 1) + ")");
            if (round == 3) {
                cluster.execute("postgres", "select pg_create_restore_point('" + RESTORE_POINT + "')");
            }
            lsnAfter.add(cluster.queryString("postgres", "select pg_current_wal_insert_lsn()::text"));
            timeAfter.add(cluster.queryString("postgres", "select clock_timestamp()::text"));
            segments.add(cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())"));
        }
        BackupRuns.pushFinishedSegments(cluster, dir, repo, segments.get(ROUNDS - 1));
        Files.createDirectories(dir.resolve("damaged"));
        Files.copy(
                cluster.cluster().dataDir().resolve("pg_wal").resolve(segments.get(3)),
                dir.resolve("damaged").resolve(segments.get(3)));
    }

    @Test
    void latestStopsWithExitOneNamingTheMissingSegmentAndLeavesNothing() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve("latest-gap");
            Cli.Run run = keel("restore", "--target-dir", target.toString());
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("WAL segment " + segments.get(2) + " is missing", "--accept-gap");
            assertThat(run.stdout()).doesNotContain("Restored");
            assertNothingLeftIn(target);
        });
    }

    @Test
    void acceptGapRecoversUpToTheGapAndSaysWhichCommitsAreLost() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve("accepted-gap");
            Cli.Run run = keel("--json", "restore", "--target-dir", target.toString(), "--accept-gap", "--start");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode result = JSON.readTree(run.stdout());
            try {
                assertThat(rows(result))
                        .as("the rows of the two rounds before the gap")
                        .isEqualTo("2000:2000");
                JsonNode gap = result.get("gap");
                assertThat(gap.get("missing").get(0).asText()).isEqualTo(segments.get(2));
                assertThat(gap.get("lostAfter").isNull())
                        .as("the last commit replayed is named")
                        .isFalse();
                assertThat(gap.get("lostToLsn").asText()).isNotBlank();
                assertThat(run.stderr())
                        .contains(
                                "stopped at a gap in the WAL: segment " + segments.get(2) + " is missing",
                                "lost: every commit after");
            } finally {
                stop(result, target);
            }
        });
    }

    @Test
    void anLsnBeforeTheGapIsReachedAndOnePastItFailsBeforeAnythingIsFetched() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path before = dir.resolve("lsn-before-gap");
            Cli.Run run =
                    keel("--json", "restore", "--target-dir", before.toString(), "--to", lsnAfter.get(1), "--start");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode result = JSON.readTree(run.stdout());
            try {
                assertThat(rows(result)).isEqualTo("2000:2000");
                assertThat(result.get("gap").isNull()).isTrue();
            } finally {
                stop(result, before);
            }

            Path past = dir.resolve("lsn-past-gap");
            Cli.Run refused = keel("restore", "--target-dir", past.toString(), "--to", lsnAfter.get(3));
            assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(1);
            assertThat(refused.errorLines())
                    .singleElement()
                    .asString()
                    .contains("WAL segment " + segments.get(2) + " is missing");
            assertNothingLeftIn(past);
        });
    }

    @Test
    void aTimePastTheGapFailsNamingTheSegmentAndLeavesNothing() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve("time-past-gap");
            Cli.Run run = keel("restore", "--target-dir", target.toString(), "--to", timeAfter.get(3));
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("WAL segment " + segments.get(2) + " is missing");
            assertNothingLeftIn(target);
        });
    }

    @Test
    void aRestorePointPastTheGapFailsNamingTheSegmentAndLeavesNothing() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve("name-past-gap");
            Cli.Run run = keel("restore", "--target-dir", target.toString(), "--to", RESTORE_POINT);
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("WAL segment " + segments.get(2) + " is missing", "--accept-gap");
            assertNothingLeftIn(target);
        });
    }

    /** Regression: --accept-gap stopped at the gap only for latest; a time past the gap still failed with exit 1. */
    @Test
    void acceptGapWithATimePastTheGapStopsAtTheGapAndSaysTheTargetWasNotReached() throws Exception {
        acceptGapStopsShortOf(timeAfter.get(3), "time-past-gap-accepted");
    }

    /** Regression: the same for a restore point past the gap. */
    @Test
    void acceptGapWithARestorePointPastTheGapStopsAtTheGapAndSaysTheTargetWasNotReached() throws Exception {
        acceptGapStopsShortOf(RESTORE_POINT, "name-past-gap-accepted");
    }

    @Test
    void acceptGapWithATimeBeforeTheGapReachesTheTarget() throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve("time-before-gap-accepted");
            Cli.Run run = keel(
                    "--json",
                    "restore",
                    "--target-dir",
                    target.toString(),
                    "--to",
                    timeAfter.get(0),
                    "--accept-gap",
                    "--start");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode result = JSON.readTree(run.stdout());
            try {
                assertThat(rows(result)).isEqualTo("1000:1000");
                assertThat(result.get("targetReached").asBoolean()).isTrue();
                assertThat(result.get("gap").isNull()).isTrue();
            } finally {
                stop(result, target);
            }
        });
    }

    private static void acceptGapStopsShortOf(String to, String directory) throws Exception {
        withoutSegment(segments.get(2), () -> {
            Path target = dir.resolve(directory);
            Cli.Run run =
                    keel("--json", "restore", "--target-dir", target.toString(), "--to", to, "--accept-gap", "--start");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode result = JSON.readTree(run.stdout());
            try {
                assertThat(rows(result))
                        .as("the rows of the two rounds before the gap")
                        .isEqualTo("2000:2000");
                assertThat(result.get("targetReached").asBoolean()).isFalse();
                JsonNode gap = result.get("gap");
                assertThat(gap.get("missing").get(0).asText()).isEqualTo(segments.get(2));
                assertThat(gap.get("target").asText()).isEqualTo(to);
                assertThat(gap.get("lostAfter").isNull()).isFalse();
                assertThat(gap.get("lostFromLsn").asText())
                        .isEqualTo(result.get("recoveredLsn").asText());
                assertThat(gap.get("lostToLsn").asText()).isNotBlank();
                assertThat(run.stderr())
                        .contains(
                                "stopped at a gap in the WAL: segment " + segments.get(2) + " is missing",
                                "was not reached",
                                "lost: every commit after");
            } finally {
                stop(result, target);
            }

            Path text = dir.resolve(directory + "-text");
            Cli.Run plain = keel("restore", "--target-dir", text.toString(), "--to", to, "--accept-gap");
            assertThat(plain.exitCode()).as(plain.stderr()).isZero();
            assertThat(plain.stdout())
                    .contains(
                            "recovered to the gap at WAL segment " + segments.get(2) + ", NOT to the target",
                            "was not reached",
                            "lost: every commit after");
        });
    }

    @Test
    void theBackupsOwnWalMissingIsNamedAndNothingIsLeftBehind() throws Exception {
        String own = cluster.queryString(
                "postgres", "select pg_walfile_name('" + backup.get("stopLsn").asText() + "')");
        withoutSegment(own, () -> {
            Path target = dir.resolve("own-wal-missing");
            Cli.Run run = keel("restore", "--target-dir", target.toString(), "--accept-gap");
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("WAL segment " + own + ", which backup "
                            + backup.get("id").asText() + " needs to become consistent, is missing");
            assertNothingLeftIn(target);
        });
    }

    @Test
    void aDamagedSegmentThatEndsReplayEarlyFailsTheRestoreToLatest() throws Exception {
        // The segment is there and its header is right, but a record in it is damaged: PostgreSQL ends recovery at it,
        // quietly.
        String name = segments.get(3);
        Path object = walObject(name);
        byte[] kept = Files.readAllBytes(object);
        Path pushed = dir.resolve("damaged").resolve(name);
        byte[] content = Files.readAllBytes(pushed);
        for (int i = 3 * 8192 + 100; i < 3 * 8192 + 140; i++) {
            content[i] ^= 0x5A;
        }
        Files.write(pushed, content);
        Files.delete(object);
        try {
            Cli.Run push = keel("wal", "push", pushed.toString());
            assertThat(push.exitCode()).as(push.stderr()).isZero();
            Path target = dir.resolve("damaged-record");
            Cli.Run run = keel("restore", "--target-dir", target.toString());
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
            assertThat(run.errorLines())
                    .singleElement()
                    .asString()
                    .contains("short of the newest WAL", segments.get(ROUNDS - 1));
            assertNothingLeftIn(target);
        } finally {
            Files.write(object, kept);
        }
    }

    @Test
    void withEveryRoundArchivedLatestHoldsEveryCommittedRow() throws Exception {
        Path target = dir.resolve("complete");
        Cli.Run run = keel("--json", "restore", "--target-dir", target.toString(), "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try {
            assertThat(rows(result)).isEqualTo(ROUNDS * ROWS_PER_ROUND + ":" + ROUNDS * ROWS_PER_ROUND);
            assertThat(result.get("gap").isNull()).isTrue();
        } finally {
            stop(result, target);
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static void withoutSegment(String name, Body body) throws Exception {
        Path object = walObject(name);
        byte[] kept = Files.readAllBytes(object);
        Files.delete(object);
        try {
            body.run();
        } finally {
            Files.write(object, kept);
        }
    }

    private static Path walObject(String name) {
        return repo.resolve("wal").resolve(name.substring(0, 8)).resolve(name);
    }

    private static void assertNothingLeftIn(Path target) throws Exception {
        if (Files.exists(target)) {
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left).as("nothing of a refused restore stays behind").isEmpty();
            }
        }
        assertThat(target.resolveSibling("." + target.getFileName() + ".keel-wal"))
                .doesNotExist();
    }

    /** "count:max" of the restored table. */
    private static String rows(JsonNode result) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(max(id), 0) from numbered")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void stop(JsonNode result, Path target) {
        new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
