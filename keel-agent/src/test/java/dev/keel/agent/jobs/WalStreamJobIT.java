package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.Backups;
import dev.keel.backup.stream.WalSetup;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class WalStreamJobIT {

    @Test
    void itStreamsUntilStoppedThenReportsWhatItStored(TestCluster cluster, @TempDir Path dir) throws Exception {
        Backups backups = BackupFixture.backups(cluster, dir, "wal_stream_job");
        backups.walSetup(WalSetup.Mode.LEAVE);
        WalStreamJob job = new WalStreamJob(() -> backups);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<JobResult> running = executor.submit(job::run);
            Eventually.await(Duration.ofSeconds(60), "a segment in the repository", () -> {
                cluster.execute("postgres", "select pg_switch_wal()");
                return running.isDone() || walSegments(dir) > 0;
            });
            assertThat(running.isDone()).as("the stream still runs").isFalse();

            job.stop();

            JobResult result = running.get(90, TimeUnit.SECONDS);
            assertThat(result.problem()).isNull();
            assertThat(result.figures()).containsEntry("allStored", true).containsKey("flushedLsn");
            assertThat((int) result.figures().get("segmentsStored")).isPositive();
        } finally {
            job.stop();
            executor.shutdownNow();
            cluster.execute(
                    "postgres",
                    "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                            + " where slot_name = 'wal_stream_job' and not active");
        }
    }

    private static long walSegments(Path dir) {
        try (Stream<Path> files = Files.walk(dir.resolve("repo"))) {
            return files.filter(p -> p.getFileName().toString().matches("[0-9A-F]{24}.*"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }
}
