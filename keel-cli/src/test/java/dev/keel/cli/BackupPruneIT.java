package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TreeCopy;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** keel backup prune on three backups with archived WAL between them: each test prunes its own copy of the repository. */
@WithPostgres
class BackupPruneIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path threeBackups;
    static Path repo;
    static TestCluster cluster;
    static final List<JsonNode> backups = new ArrayList<>();

    @BeforeAll
    static void threeBackupsWithWalBetween(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute("postgres", "create table if not exists pruned (n int)");
        assertThat(keel("backup", "init").exitCode()).isZero();
        for (int i = 0; i < 3; i++) {
            cluster.execute("postgres", "insert into pruned select generate_series(1, 100)");
            archive(cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())"));
            Cli.Run backup = keel("--json", "backup");
            assertThat(backup.exitCode()).as(backup.stderr()).isZero();
            backups.add(JSON.readTree(backup.stdout()));
        }
        threeBackups = repo;
    }

    @BeforeEach
    void ownCopyOfTheRepository(TestInfo test) {
        repo = TreeCopy.of(
                threeBackups,
                dir.resolve("repo-" + test.getTestMethod().orElseThrow().getName()));
    }

    @Test
    void dryRunListsWhatWouldGoAndRemovesNothing() throws Exception {
        List<Path> before = objects();
        Cli.Run run = keel("--json", "backup", "prune", "--keep-full", "1", "--dry-run");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode plan = JSON.readTree(run.stdout()).get("plan");
        assertThat(ids(plan.get("backups"))).containsExactly(id(0), id(1));
        assertThat(plan.get("wal")).isNotEmpty();
        assertThat(objects()).isEqualTo(before);
        assertThat(keel("backup", "prune", "--keep-full", "1", "--dry-run").stdout())
                .contains("would remove backup " + id(0));
    }

    @Test
    void policyKeepsTheNewestTwoAndTheWalTheyNeed() throws Exception {
        Cli.Run run = keel("--json", "backup", "prune", "--keep-full", "2");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode plan = JSON.readTree(run.stdout()).get("plan");
        assertThat(ids(plan.get("kept"))).containsExactly(id(1), id(2));
        assertThat(ids(plan.get("backups"))).containsExactly(id(0));
        String keptFrom = cluster.queryString(
                "postgres",
                "select pg_walfile_name('" + backups.get(1).get("startLsn").asText() + "')");
        assertThat(plan.get("walKeptFrom").asText()).isEqualTo(keptFrom);
        assertThat(plan.get("wal")).isNotEmpty();

        assertThat(repo.resolve("backups").resolve(id(0))).doesNotExist();
        List<String> segments = walSegments();
        assertThat(segments).allMatch(s -> s.compareTo(keptFrom) >= 0).contains(keptFrom);
        Cli.Run verify = keel("backup", "verify", "--all");
        assertThat(verify.exitCode())
                .as("the kept backups still have every WAL segment they need: " + verify.stdout())
                .isZero();
    }

    @Test
    void configuredPolicyRemovesOldIncompleteBackupsButNotANewerOne() throws Exception {
        Path old = repo.resolve("backups/20000101T000000Z/files/base");
        Path running = repo.resolve("backups/29990101T000000Z/files/base");
        Files.createDirectories(old);
        Files.createDirectories(running);
        Files.writeString(old.resolve("1"), "left by a killed backup");
        Files.writeString(running.resolve("1"), "a backup still running");
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  retention:\n    full: 2\n");
        try {
            Cli.Run run = keel("--json", "backup", "prune");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode plan = JSON.readTree(run.stdout()).get("plan");
            assertThat(ids(plan.get("incomplete"))).containsExactly("20000101T000000Z");
            assertThat(ids(plan.get("backups"))).containsExactly(id(0));
            assertThat(repo.resolve("backups/20000101T000000Z")).doesNotExist();
            assertThat(running.resolve("1")).exists();
        } finally {
            Files.delete(dir.resolve("keel.yaml"));
        }
    }

    @Test
    void withoutAnyPolicyNothingIsRemoved() {
        Cli.Run run = keel("backup", "prune");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("no retention policy");
    }

    private static String id(int i) {
        return backups.get(i).get("id").asText();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static List<Path> objects() throws Exception {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> walSegments() throws Exception {
        try (Stream<Path> files = Files.walk(repo.resolve("wal"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("[0-9A-F]{24}"))
                    .sorted()
                    .toList();
        }
    }

    /** What archive_command would have done. */
    private static void archive(String last) throws Exception {
        try (Stream<Path> files = Files.list(cluster.cluster().dataDir().resolve("pg_wal"))) {
            for (Path segment : files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")
                            && f.getFileName().toString().compareTo(last) <= 0)
                    .sorted()
                    .toList()) {
                Cli.Run push = keel("wal", "push", segment.toString());
                assertThat(push.exitCode()).as(push.stderr()).isZero();
            }
        }
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
