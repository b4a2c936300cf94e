package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.ChangingData;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel backup --type incr through the CLI on the system PostgreSQL (15 here: files compared by
 * checksum, as there are no WAL summaries): the first one becomes full, a chain restores row for row,
 * and a damaged object of the parent is named by verify and stops restore.
 */
@WithPostgres
class IncrementalBackupIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path repo;
    static TestCluster cluster;
    static final List<JsonNode> backups = new ArrayList<>();
    static final List<String> stderr = new ArrayList<>();
    static final List<Map<String, String>> fingerprints = new ArrayList<>();

    @BeforeAll
    static void chainOfThree(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        assertThat(keel("backup", "init").exitCode()).isZero();
        ChangingData data = new ChangingData(cluster, "postgres");
        data.create();
        backup();
        data.firstChanges();
        backup();
        data.secondChanges();
        backup();
    }

    private static void backup() throws Exception {
        Cli.Run run = keel("--json", "backup", "--type", "incr");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        backups.add(JSON.readTree(run.stdout()));
        stderr.add(run.stderr());
        fingerprints.add(new ChangingData(cluster, "postgres").fingerprint());
    }

    @Test
    void withoutAnyBackupTheFirstIsFullAndSaysSo() {
        assertThat(backups.get(0).get("type").asText()).isEqualTo("full");
        assertThat(stderr.get(0)).contains("so this backup is full");
    }

    @Test
    void incrementalsBuildOnTheNewestBackupByChecksumAndStoreLess() {
        long full = backups.get(0).get("storedBytes").asLong();
        for (int i = 1; i < 3; i++) {
            JsonNode backup = backups.get(i);
            assertThat(backup.get("type").asText()).isEqualTo("incr");
            assertThat(backup.get("parent").asText())
                    .isEqualTo(backups.get(i - 1).get("id").asText());
            assertThat(backup.get("storedBytes").asLong()).isLessThan(full);
        }
        // Before the first incremental the large table did not change at all; before the second a few of its rows did,
        // which by checksum stores its whole file again.
        assertThat(backups.get(1).get("storedBytes").asLong() * 3)
                .as(() -> largest(backups.get(1).get("id").asText()))
                .isLessThan(full);
        if (cluster.majorVersion() < 17) {
            assertThat(backups.get(1).get("method").asText()).isEqualTo("file");
            assertThat(stderr.get(1)).contains("keeps no WAL summaries");
        }
    }

    @Test
    void listShowsTypeAndParent() throws Exception {
        Cli.Run run = keel("--json", "backup", "list");
        JsonNode list = JSON.readTree(run.stdout()).get("backups");
        assertThat(list).hasSize(3);
        assertThat(list.get(2).get("type").asText()).isEqualTo("incr");
        assertThat(list.get(2).get("parent").asText())
                .isEqualTo(backups.get(1).get("id").asText());
        Cli.Run text = keel("backup", "list");
        assertThat(text.stdout())
                .contains("PARENT")
                .contains(backups.get(1).get("id").asText());
    }

    @Test
    void theChainRestoresRowForRowAndVerifies() throws Exception {
        assertThat(restored(backups.get(2).get("id").asText(), "restored")).isEqualTo(fingerprints.get(2));
        Cli.Run verify = keel("backup", "verify", backups.get(2).get("id").asText());
        assertThat(verify.exitCode()).as(verify.stdout()).isZero();
    }

    @Test
    void pruneKeepsTheChainOfTheFullBackupItKeeps() throws Exception {
        Cli.Run run = keel("--json", "backup", "prune", "--keep-full", "1", "--dry-run");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode plan = JSON.readTree(run.stdout()).get("plan");
        assertThat(plan.get("backups")).isEmpty();
        assertThat(plan.get("kept")).hasSize(3);
    }

    @Test
    void aDamagedParentObjectIsNamedByVerifyAndStopsRestore() throws Exception {
        String incr = backups.get(2).get("id").asText();
        BackupFile borrowed;
        try (BackupRepository repository = BackupRepository.open(new FileObjectStore(repo), 3, null)) {
            borrowed = repository.readManifest(incr).orElseThrow().files().stream()
                    .filter(f -> f.delta() == null && f.path().startsWith("base/"))
                    .filter(f -> f.object()
                            .startsWith("backups/" + backups.get(0).get("id").asText() + "/"))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(borrowed)
                .as("the newest incremental borrows files from the full backup")
                .isNotNull();
        Path victim = repo.resolve(borrowed.object());
        byte[] content = Files.readAllBytes(victim);
        byte[] damaged = content.clone();
        // Inside the borrowed file's own bytes: a bundle holds other files too.
        long from = borrowed.bundled() ? borrowed.offset() : 0;
        damaged[(int) (from + borrowed.storedSize() / 2)] ^= 0x20;
        Files.write(victim, damaged);
        try {
            Cli.Run verify = keel("--json", "backup", "verify", incr);
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(JSON.readTree(verify.stdout()).get("problems"))
                    .extracting(p -> p.get("object").asText())
                    .contains(borrowed.object());
            Path target = dir.resolve("restored-damaged");
            Cli.Run restore = keel("restore", "--backup", incr, "--target-dir", target.toString());
            assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
            assertThat(restore.errorLines()).singleElement().asString().contains("damaged");
        } finally {
            Files.write(victim, content);
        }
    }

    @Test
    void aMissingParentIsNamed() throws Exception {
        String parent = backups.get(1).get("id").asText();
        Path manifest = repo.resolve("backups").resolve(parent).resolve("manifest.json");
        byte[] kept = Files.readAllBytes(manifest);
        Files.delete(manifest);
        try {
            Cli.Run verify =
                    keel("--json", "backup", "verify", backups.get(2).get("id").asText());
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(JSON.readTree(verify.stdout()).get("problems"))
                    .extracting(p -> p.get("object").asText())
                    .contains("backups/" + parent + "/manifest.json");
        } finally {
            Files.write(manifest, kept);
        }
    }

    private static Map<String, String> restored(String backupId, String name) throws Exception {
        Path target = dir.resolve(name);
        Cli.Run run = keel("--json", "restore", "--backup", backupId, "--target-dir", target.toString(), "--start");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        try {
            return ChangingData.fingerprint(DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + result.get("port").asInt() + "/postgres?user=postgres"));
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.get("binDir").asText())), target).stop();
        }
    }

    /** The objects an incremental stored itself, largest first: what to look at when it stores too much. */
    private static String largest(String id) {
        try (BackupRepository repository = BackupRepository.open(new FileObjectStore(repo), 3, null)) {
            return repository.readManifest(id).orElseThrow().files().stream()
                    .filter(f -> f.object().contains(id))
                    .sorted(Comparator.comparingLong(f -> -f.storedSize()))
                    .limit(8)
                    .map(f -> f.path() + " " + f.storedSize())
                    .toList()
                    .toString();
        }
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
