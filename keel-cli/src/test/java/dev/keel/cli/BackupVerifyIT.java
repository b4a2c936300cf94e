package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel backup verify on one backup plus archived WAL, damaged one object at a time and repaired after each test. */
@WithPostgres
@WithSeededRandom
class BackupVerifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path repo;
    static TestCluster cluster;
    static String backupId;

    @BeforeAll
    static void backupAndArchive(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute("postgres", "create table if not exists verified (n int)");
        assertThat(keel("backup", "init").exitCode()).isZero();
        Cli.Run backup = keel("--json", "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        backupId = JSON.readTree(backup.stdout()).get("id").asText();
        String last = null;
        for (int i = 0; i < 3; i++) {
            cluster.execute("postgres", "insert into verified select generate_series(1, 100)");
            last = cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())");
        }
        String newest = last;
        try (Stream<Path> files = Files.list(cluster.cluster().dataDir().resolve("pg_wal"))) {
            for (Path segment : files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")
                            && f.getFileName().toString().compareTo(newest) <= 0)
                    .sorted()
                    .toList()) {
                Cli.Run push = keel("wal", "push", segment.toString());
                assertThat(push.exitCode()).as(push.stderr()).isZero();
            }
        }
    }

    @Test
    void cleanRepositoryPasses() throws Exception {
        Cli.Run run = keel("--json", "backup", "verify", "--all");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("problems")).isEmpty();
        assertThat(result.get("backups").get(0).get("walSegments").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(keel("backup", "verify", backupId).stdout()).contains(backupId + "  ok");
    }

    @Test
    void flippedByteIsNamed(Random random) throws Exception {
        damaged(random, object -> {
            byte[] content = Files.readAllBytes(object);
            content[random.nextInt(content.length)] ^= 0x01;
            Files.write(object, content);
        });
    }

    @Test
    void truncatedObjectIsNamed(Random random) throws Exception {
        damaged(random, object -> {
            byte[] content = Files.readAllBytes(object);
            Files.write(
                    object,
                    Arrays.copyOf(content, content.length - 1 - random.nextInt(Math.min(content.length - 1, 8))));
        });
    }

    @Test
    void deletedObjectIsNamed(Random random) throws Exception {
        damaged(random, Files::delete);
    }

    @Test
    void everyDamagedObjectIsNamedNotJustTheFirst() throws Exception {
        List<Path> objects = backupObjects();
        Path deleted = objects.get(0);
        Path flipped = objects.get(objects.size() - 1);
        byte[] deletedContent = Files.readAllBytes(deleted);
        byte[] flippedContent = Files.readAllBytes(flipped);
        Files.delete(deleted);
        byte[] changed = flippedContent.clone();
        changed[changed.length / 2] ^= 0x10;
        Files.write(flipped, changed);
        try {
            Cli.Run run = keel("--json", "backup", "verify", "--all");
            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode problems = JSON.readTree(run.stdout()).get("problems");
            assertThat(problems)
                    .extracting(
                            p -> p.get("kind").asText() + " " + p.get("object").asText())
                    .containsExactlyInAnyOrder(
                            "missing " + repo.relativize(deleted), "damaged " + repo.relativize(flipped));
            Cli.Run text = keel("backup", "verify", "--all");
            assertSummaryCountsTheListedProblems(text.stdout(), 2);
            assertThat(text.stdout()).contains(backupId + "  FAILED: 2 problems");
        } finally {
            Files.write(deleted, deletedContent);
            Files.write(flipped, flippedContent);
        }
    }

    @Test
    void removedWalSegmentInTheMiddleIsAGap() throws Exception {
        List<Path> segments;
        try (Stream<Path> files = Files.walk(repo.resolve("wal"))) {
            segments = files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}"))
                    .sorted()
                    .toList();
        }
        Path middle = segments.get(segments.size() - 2);
        byte[] kept = Files.readAllBytes(middle);
        Files.delete(middle);
        try {
            Cli.Run run = keel("--json", "backup", "verify");
            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode problems = JSON.readTree(run.stdout()).get("problems");
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).get("kind").asText()).isEqualTo("wal-gap");
            assertThat(problems.get(0).get("object").asText())
                    .isEqualTo(repo.relativize(middle).toString());
        } finally {
            Files.write(middle, kept);
        }
    }

    @Test
    void walSegmentsSwappedUnderEachOthersNamesAreNamedAndRestoreRefusesThem() throws Exception {
        // Each object decodes fine under the other's name: only the segments' own page headers tell.
        List<Path> segments;
        try (Stream<Path> files = Files.walk(repo.resolve("wal"))) {
            segments = files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}"))
                    .sorted()
                    .toList();
        }
        Path first = segments.get(segments.size() - 2);
        Path second = segments.get(segments.size() - 1);
        byte[] firstContent = Files.readAllBytes(first);
        byte[] secondContent = Files.readAllBytes(second);
        Files.write(first, secondContent);
        Files.write(second, firstContent);
        try {
            Cli.Run run = keel("--json", "backup", "verify", backupId);
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            JsonNode problems = JSON.readTree(run.stdout()).get("problems");
            assertThat(problems)
                    .filteredOn(p -> p.get("kind").asText().equals("damaged"))
                    .extracting(p -> p.get("object").asText())
                    .containsExactlyInAnyOrder(
                            repo.relativize(first).toString(),
                            repo.relativize(second).toString());
            assertThat(problems)
                    .allSatisfy(p -> assertThat(List.of(
                                    repo.relativize(first).toString(),
                                    repo.relativize(second).toString()))
                            .contains(p.get("object").asText()));
            assertThat(keel("backup", "verify", backupId).stdout())
                    .contains("damaged " + repo.relativize(first) + ": it is WAL from ")
                    .contains("(segment " + second.getFileName() + ")");
            // Regression: the summary counted only the backup's own problems, not the damaged WAL listed with them.
            assertSummaryCountsTheListedProblems(
                    keel("backup", "verify", backupId).stdout(), problems.size());

            // PostgreSQL would end recovery at the first of them without an error: a restore to latest would silently
            // be older.
            Path target = dir.resolve("restored-swapped");
            Cli.Run restore = keel("restore", "--target-dir", target.toString());
            assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
            assertThat(restore.errorLines())
                    .singleElement()
                    .asString()
                    .contains(
                            "WAL object " + repo.relativize(first) + " ",
                            "is not segment " + first.getFileName(),
                            "keel backup verify");
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left).as("nothing of a refused restore stays behind").isEmpty();
            }
            assertThat(target.resolveSibling("." + target.getFileName() + ".keel-wal"))
                    .doesNotExist();
        } finally {
            Files.write(first, firstContent);
            Files.write(second, secondContent);
        }
    }

    /** The summary's count, every backup's count and the problem lines listed all agree. */
    private static void assertSummaryCountsTheListedProblems(String stdout, int expected) {
        List<String> listed = stdout.lines().filter(l -> l.startsWith("  ")).toList();
        assertThat(listed).as(stdout).hasSize(expected);
        assertThat(stdout)
                .as(stdout)
                .contains("Verification failed: " + expected + " problem" + (expected == 1 ? ";" : "s;"));
        int perHeading = stdout.lines()
                .map(l -> Pattern.compile("  FAILED: (\\d+) problem").matcher(l))
                .filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .sum();
        assertThat(perHeading).as(stdout).isEqualTo(expected);
    }

    interface Damage {
        void apply(Path object) throws Exception;
    }

    private static List<Path> backupObjects() throws Exception {
        try (Stream<Path> files =
                Files.walk(repo.resolve("backups").resolve(backupId).resolve("files"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void damaged(Random random, Damage damage) throws Exception {
        List<Path> objects = backupObjects();
        Path victim = objects.get(random.nextInt(objects.size()));
        byte[] kept = Files.readAllBytes(victim);
        damage.apply(victim);
        try {
            Cli.Run run = keel("--json", "backup", "verify", backupId);
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            JsonNode problems = JSON.readTree(run.stdout()).get("problems");
            assertThat(problems).as(run.stdout()).hasSize(1);
            assertThat(problems.get(0).get("object").asText())
                    .isEqualTo(repo.relativize(victim).toString());
            assertThat(keel("backup", "verify", backupId).stdout())
                    .contains(repo.relativize(victim).toString());
        } finally {
            Files.write(victim, kept);
        }
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
