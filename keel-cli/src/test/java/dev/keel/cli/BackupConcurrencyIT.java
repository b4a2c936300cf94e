package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups running at the same time as other backups and as prune, each keel a process of its own.
 * Regressions for two backups started in the same second that both reported success under one id,
 * and for an incremental whose parent a prune removed mid-run that still ended "complete".
 */
@WithPostgres
class BackupConcurrencyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** MiB/s: slow enough that an incremental of the test cluster runs for several seconds. */
    private static final String SLOW = "2";

    @TempDir
    static Path dir;

    static TestCluster cluster;

    @BeforeAll
    static void someData(TestCluster testCluster) {
        cluster = testCluster;
        cluster.execute("postgres", "create table if not exists kept (n int)");
        cluster.execute("postgres", "insert into kept select generate_series(1, 10000)");
    }

    @Test
    void twoBackupsStartedAtOnceBothCompleteUnderIdsOfTheirOwn() throws Exception {
        Path repo = initialised("repo-two");
        List<JavaProcess> processes = List.of(start(repo, "--json", "backup"), start(repo, "--json", "backup"));
        List<String> ids = new ArrayList<>();
        for (JavaProcess process : processes) {
            assertThat(process.waitFor(300)).as(process.stderr()).isZero();
            ids.add(JSON.readTree(process.stdout()).get("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
        for (String id : ids) {
            Cli.Run verify = keel(repo, "backup", "verify", id);
            assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        }
        assertThat(leases(repo)).as("a complete backup gives its lease up").isEmpty();
    }

    @Test
    void pruneDuringARunningIncrementalKeepsItAndItsParent() throws Exception {
        Path repo = initialised("repo-prune");
        String parent = backup(repo);
        JavaProcess incremental = start(repo, "--json", "backup", "--type", "incr", "--max-rate", SLOW);
        String running = awaitLeaseNaming(repo, parent, incremental);
        // A newer full backup completes meanwhile: by --keep-full 1 alone the incremental's parent would go.
        String newer = backup(repo);

        Cli.Run prune = keel(repo, "--json", "backup", "prune", "--keep-full", "1");
        assertThat(prune.exitCode()).as(prune.stderr()).isZero();
        assertThat(incremental.isAlive())
                .as("the incremental still ran while prune did its work")
                .isTrue();
        JsonNode plan = JSON.readTree(prune.stdout()).get("plan");
        assertThat(texts(plan.get("running"))).containsExactly(running);
        assertThat(texts(plan.get("kept"))).containsExactly(parent, newer);
        assertThat(texts(plan.get("backups"))).isEmpty();
        assertThat(texts(plan.get("incomplete"))).doesNotContain(running);
        assertThat(keel(repo, "backup", "prune", "--keep-full", "1", "--dry-run")
                        .stdout())
                .contains("kept running backup " + running);

        assertThat(incremental.waitFor(300)).as(incremental.stderr()).isZero();
        assertThat(JSON.readTree(incremental.stdout()).get("parent").asText()).isEqualTo(parent);
        Cli.Run verify = keel(repo, "backup", "verify", running);
        assertThat(verify.exitCode())
                .as("the incremental restores: " + verify.stdout())
                .isZero();
    }

    @Test
    void anIncrementalWhoseParentVanishesMidRunFailsAndStaysIncomplete() throws Exception {
        Path repo = initialised("repo-vanished");
        String parent = backup(repo);
        JavaProcess incremental = start(repo, "backup", "--type", "incr", "--max-rate", SLOW);
        String running = awaitLeaseNaming(repo, parent, incremental);
        // What a prune of an older keel, or a person, could do behind the backup's back.
        deleteTree(repo.resolve("backups").resolve(parent));

        int exit = incremental.waitFor(300);
        assertThat(exit).as(incremental.stdout() + incremental.stderr()).isEqualTo(4);
        assertThat(incremental
                        .stderr()
                        .lines()
                        .filter(l -> l.startsWith("keel: error:"))
                        .toList())
                .singleElement()
                .asString()
                .contains("backup " + parent + ", which incremental backup " + running + " builds on, was removed");
        assertThat(incremental.stdout()).doesNotContain("complete");
        assertThat(repo.resolve("backups").resolve(running).resolve("manifest.json"))
                .doesNotExist();
        assertThat(keel(repo, "backup", "list").stdout())
                .contains(running + " ")
                .contains("incomplete");
        JsonNode lease = JSON.readTree(
                Files.readString(repo.resolve("backups").resolve(running).resolve("lease.json")));
        assertThat(lease.get("state").asText())
                .as("a failed backup's lease lets prune remove it at once")
                .isEqualTo("failed");

        Cli.Run prune = keel(repo, "--json", "backup", "prune", "--keep-full", "1");
        assertThat(prune.exitCode()).as(prune.stderr()).isZero();
        assertThat(texts(JSON.readTree(prune.stdout()).get("plan").get("incomplete")))
                .containsExactly(running);
        assertThat(repo.resolve("backups").resolve(running)).doesNotExist();
    }

    /** The id of the backup whose lease names {@code parent}, once the running backup has chosen it. */
    private static String awaitLeaseNaming(Path repo, String parent, JavaProcess process) {
        return Eventually.await(
                        Duration.ofSeconds(120),
                        "a lease in " + repo + " naming parent " + parent,
                        () -> {
                            Optional<String> id = leaseNaming(repo, parent);
                            if (id.isEmpty()) {
                                assertThat(process.isAlive())
                                        .as("the incremental ended before naming its parent: " + process.stderr())
                                        .isTrue();
                            }
                            return id;
                        },
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> leaseNaming(Path repo, String parent) {
        for (Path lease : leases(repo)) {
            Optional<JsonNode> doc = readJson(lease);
            if (doc.isPresent() && parent.equals(doc.get().path("parent").asText(null))) {
                return Optional.of(doc.get().get("backupId").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> readJson(Path file) {
        try {
            return Optional.of(JSON.readTree(Files.readString(file)));
        } catch (Exception e) {
            // replaced or removed while read: the next poll reads it again
            return Optional.empty();
        }
    }

    private static List<Path> leases(Path repo) {
        Path backups = repo.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(backups)) {
            return all.map(b -> b.resolve("lease.json"))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path initialised(String name) {
        Path repo = dir.resolve(name);
        Cli.Run init = keel(repo, "backup", "init");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        return repo;
    }

    private static String backup(Path repo) throws Exception {
        Cli.Run run = keel(repo, "--json", "backup");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout()).get("id").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static JavaProcess start(Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", cluster.jdbcUrl(), "-C", dir.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--repo", "file://" + repo));
        return Cli.start(dir, Map.of(), all.toArray(String[]::new));
    }

    private static Cli.Run keel(Path repo, String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
