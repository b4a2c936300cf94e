package dev.keel.agent.jobs;

import dev.keel.backup.Backups;
import dev.keel.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A backup repository, initialised, for a test cluster's postgres database, as the backup jobs' tests use it. */
final class BackupFixture {

    private BackupFixture() {}

    static Backups backups(TestCluster cluster, Path dir, String slot) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("keel.yaml"), """
                backup:
                  retention:
                    full: 1
                  stream:
                    slot: %s
                """.formatted(slot));
        Backups backups = Backups.configure()
                .projectDir(project)
                .env(Map.of())
                .url(cluster.jdbcUrl(), null, null)
                .repository("file://" + dir.resolve("repo"))
                .load();
        backups.init();
        return backups;
    }
}
