package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.Backups;
import dev.keel.backup.catalog.BackupType;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class BackupJobIT {

    @Test
    void aFullThenAnIncrementalBackupReportTheirSizes(TestCluster cluster, @TempDir Path dir) throws Exception {
        Backups backups = BackupFixture.backups(cluster, dir, "backup_job");

        JobResult full = new BackupJob(() -> backups, BackupType.FULL).run();
        JobResult incremental = new BackupJob(() -> backups, BackupType.INCREMENTAL).run();

        assertThat(full.problem()).isNull();
        assertThat(full.figures())
                .containsEntry("type", "full")
                .containsKeys("backup", "bytes", "storedBytes", "millis");
        assertThat((long) full.figures().get("bytes")).isPositive();
        assertThat(incremental.figures()).containsEntry("type", "incr");
        assertThat(backups.list().backups()).hasSize(2);
        assertThat(new BackupJob(() -> backups, BackupType.INCREMENTAL).name()).isEqualTo(JobName.INCREMENTAL_BACKUP);
    }
}
