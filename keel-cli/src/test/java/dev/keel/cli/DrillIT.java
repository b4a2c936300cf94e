package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel drill on one small backup; each test restores it again into a scratch cluster. */
@WithPostgres
class DrillIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path repo;
    static TestCluster cluster;
    static String backupId;

    @BeforeAll
    static void smallBackup(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        repo = dir.resolve("repo");
        cluster.execute("postgres", "create table if not exists drilled (id int primary key, note text)");
        cluster.execute(
                "postgres",
                "insert into drilled select g, 'row ' || g from generate_series(1, 500) g on conflict do nothing");
        assertThat(keel("backup", "init").exitCode()).isZero();
        Cli.Run backup = keel("--json", "backup");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        backupId = JSON.readTree(backup.stdout()).get("id").asText();
    }

    @AfterEach
    void noConfiguration() throws Exception {
        Files.deleteIfExists(dir.resolve("keel.yaml"));
    }

    @Test
    void drillOnASmallClusterPassesAndRecordsItsJson() throws Exception {
        List<Path> scratchBefore = scratchDirectories();
        Files.writeString(
                dir.resolve("keel.yaml"),
                "backup:\n  rto: 1h\n  rpo: 1h\n  drill:\n    invariants:\n      - select count(*) = 500 from drilled\n");
        Cli.Run run = keel("--json", "drill");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("backupId").asText()).isEqualTo(backupId);
        assertThat(result.get("rowCountsExact").asBoolean()).isTrue();
        assertThat(result.get("rowCountDifferences")).isEmpty();
        assertThat(result.get("tablesCompared").asInt()).isPositive();
        assertThat(result.get("invariants").get(0).get("passed").asBoolean()).isTrue();
        assertThat(result.get("rtoMillis").asLong()).isPositive();
        assertThat(result.get("rpoMillis").isNull()).isFalse();
        JsonNode indexes = result.get("indexCheck");
        assertThat(indexes.get("failures")).isEmpty();
        if (indexes.get("skipped").isNull()) {
            assertThat(indexes.get("checked").asInt())
                    .as("drilled_pkey at least")
                    .isPositive();
        }

        Path recorded = repo.resolve("drills").resolve(result.get("id").asText() + ".json");
        assertThat(recorded).exists();
        assertThat(scratchDirectories()).as("the scratch cluster is removed").isEqualTo(scratchBefore);
        assertThat(keel("drill").stdout()).contains("PASSED").contains("RTO").contains("drills/");
    }

    @Test
    void failingInvariantExitsOneNamingIt() throws Exception {
        String broken = "select count(*) = 7 from drilled";
        Files.writeString(
                dir.resolve("keel.yaml"),
                "backup:\n  drill:\n    invariants:\n      - select true\n      - " + broken + "\n");
        Cli.Run run = keel("drill");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("invariant " + broken)
                .doesNotContain("invariant select true")
                .endsWith(" [KEEL-BACKUP-DRILL-FAILED]");
        assertThat(run.stdout()).contains("FAILED");
    }

    @Test
    void rtoTargetOfOneMillisecondIsMissed() throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  rto: 1ms\n");
        Cli.Run run = keel("--json", "drill");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.stdout());
        String measured = "RTO " + result.get("rtoMillis").asLong() + "ms exceeds backup.rto 1ms";
        assertThat(result.get("failures")).extracting(JsonNode::asText).containsExactly(measured);
        assertThat(run.errorLines()).singleElement().asString().contains(measured);
    }

    private static List<Path> scratchDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keel-drill-"))
                    .sorted()
                    .toList();
        }
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, repo, args);
    }
}
