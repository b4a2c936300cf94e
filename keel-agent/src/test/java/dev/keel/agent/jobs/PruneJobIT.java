package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.Backups;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class PruneJobIT {

    @Test
    void itPrunesWithKeelYamlsRetentionAndCountsWhatWent(TestCluster cluster, @TempDir Path dir) throws Exception {
        Backups backups = BackupFixture.backups(cluster, dir, "prune_job");
        backups.backup();
        backups.backup();

        JobResult result = new PruneJob(() -> backups).run();

        assertThat(result.figures()).containsEntry("backupsRemoved", 1);
        assertThat((long) result.figures().get("objectsRemoved")).isPositive();
        assertThat(backups.list().backups()).hasSize(1);
    }
}
