package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.Agent;
import dev.keel.agent.AgentDatabase;
import dev.keel.agent.http.ListenAddress;
import dev.keel.backup.Backups;
import dev.keel.backup.verify.VerifyResult;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.TargetParser;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled full backup whose agent is killed with SIGKILL mid-run: the next agent to lead marks the run
 * interrupted, runs the backup again to completion, and the repository verifies.
 */
@WithPostgres
class KilledBackupIT {
    @TempDir
    Path dir;

    @Test
    void theNextLeaderRunsTheBackupAgainAndTheRepositoryVerifies(TestCluster cluster) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        Path repo = dir.resolve("repo");
        TestProject project = TestProject.in(dir.resolve("project")).config("""
                backup:
                  repository: file://%s
                schedule:
                  snapshot: off
                  doctor: off
                  walStream: off
                  incrementalBackup: off
                  drill: off
                """.formatted(repo));
        KeelYaml config = ConfigLoader.load(project.dir(), null, Map.of());
        Backups backups = Backups.configure()
                .config(config)
                .target(TargetParser.parse(db.url(), TestCluster.SUPERUSER, null, "test"))
                .load();
        backups.init();
        long empty = files(repo);

        JavaProcess victim = JavaProcess.start(
                ThrottledBackupAgent.class.getName(),
                project.dir(),
                Map.of(),
                List.of(project.dir().toString(), db.url()));
        try {
            Eventually.await(
                    Duration.ofSeconds(120),
                    "the scheduled backup to be storing files",
                    () -> db.runs("job = 'fullBackup' AND outcome = 'running'") == 1 && files(repo) > empty + 20,
                    victim::stderr);
        } finally {
            victim.kill9();
        }

        List<String> log = new CopyOnWriteArrayList<>();
        Agent next = Agent.configure()
                .config(config)
                .connections(db.source())
                .backups(() -> backups)
                .listen(new ListenAddress("127.0.0.1", 0))
                .log(log::add)
                .load();
        next.start();
        try {
            Eventually.await(
                    Duration.ofSeconds(120),
                    "the backup run again to completion",
                    () -> db.runs("job = 'fullBackup' AND outcome = 'ok'") == 1,
                    log::toString);
        } finally {
            next.stop(Duration.ofSeconds(60));
        }

        assertThat(db.runs("job = 'fullBackup' AND outcome = 'interrupted'")).isEqualTo(1);
        assertThat(db.overlappingRuns()).isZero();
        assertThat(backups.list().backups())
                .anySatisfy(b -> assertThat(b.complete()).isFalse());
        VerifyResult verified = backups.verifyAll();
        assertThat(verified.ok()).as(verified.problems().toString()).isTrue();
    }

    private static long files(Path repo) {
        try (Stream<Path> all = Files.walk(repo)) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
