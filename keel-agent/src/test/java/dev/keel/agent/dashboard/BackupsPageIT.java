package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.Backups;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.drill.DrillResult;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backups page on a real backup, taken through the Backups facade into a file:// repository. */
@WithPostgres
class BackupsPageIT {
    private final TestCluster cluster;

    BackupsPageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void showsTheBackupOnTheTimelineTheDrillAndTheRpoAndRtoAgainstTheirTargets(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  rpo: 1h\n  rto: 30min\n");
        Path repo = dir.resolve("repo");
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(cluster.jdbcUrl(), null, null)
                .repository("file://" + repo)
                .load();
        backups.init();
        BackupResult backup = backups.backup();
        DrillResult drill = backups.drill();
        assertThat(drill.passed()).as(String.join("; ", drill.failures())).isTrue();

        String page = Fetch.page(new BackupsPage(() -> backups, Map.of(), Clock.systemUTC()), "/backups")
                .body();

        assertThat(page)
                .contains(repo.toString())
                .contains("<code>" + Html.escape(backup.id()) + "</code></td><td>full</td>")
                .contains("<svg class=\"timeline\"", "<rect class=\"full\"")
                .contains(Html.escape(backup.id()) + " (full)")
                .contains("<td><code>" + Html.escape(drill.id()) + "</code></td><td>" + Html.escape(backup.id()))
                .contains("badge passed");
        String rpo = page.substring(page.indexOf("RPO: work a restore now would lose"));
        assertThat(rpo.substring(0, rpo.indexOf("</tr>"))).contains("<td>1h</td>", "badge met");
        String rto = page.substring(page.indexOf("RTO: the last drill"));
        assertThat(rto.substring(0, rto.indexOf("</tr>"))).contains("<td>30min</td>", "badge met");
    }

    @Test
    void withoutARepositoryThePageSaysSo(@TempDir Path dir) throws Exception {
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(cluster.jdbcUrl(), null, null)
                .load();

        String page = Fetch.page(new BackupsPage(() -> backups, Map.of(), Clock.systemUTC()), "/backups")
                .body();

        assertThat(page).contains("No backup repository is configured").doesNotContain("<svg");
    }
}
