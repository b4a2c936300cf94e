package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.Backups;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class DrillJobIT {

    @Test
    void aPassingDrillReportsItsRtoAndBackup(TestCluster cluster, @TempDir Path dir) throws Exception {
        Backups backups = BackupFixture.backups(cluster, dir, "drill_job");
        String backup = backups.backup().id();

        JobResult result = new DrillJob(() -> backups).run();

        assertThat(result.problem()).isNull();
        assertThat(result.figures()).containsEntry("passed", true).containsEntry("backup", backup);
        assertThat((long) result.figures().get("rtoMillis")).isPositive();
    }
}
