package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.MigrateOptions;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postmaster is killed (SIGKILL) while eight writers and a compaction loop run: after crash recovery the
 * transactions in flight are gone with their deltas, and the counter is exact.
 */
@WithPostgres(durable = true)
class CounterCrashIT {

    @Test
    void exactAfterAKillOfThePostmasterMidLoadAndCrashRecovery(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(MigrateOptions.defaults().completing());
        Projections projections = project.projections();
        OrderWriters writers = new OrderWriters(project.url(), 29).start(CounterProject.WRITERS);
        AtomicBoolean compacting = new AtomicBoolean(true);
        Thread compactor = new Thread(() -> {
            while (compacting.get()) {
                try {
                    projections.compact(null);
                } catch (RuntimeException e) {
                    // The server is gone mid-compaction: that is what this test does to it.
                }
            }
        });
        compactor.start();
        Eventually.await(Duration.ofSeconds(60), "writers commit", () -> writers.commits() > 300);
        cluster.kill9();
        writers.stop();
        compacting.set(false);
        compactor.join(60_000);
        assertThat(writers.errors()).as("the kill broke the writers' sessions").isNotEmpty();

        cluster.start();

        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        Projections.VerifyResult verified = projections.verify(null, null, false);
        assertThat(verified.unrepairedDrift()).isFalse();
        assertThat(projections.compact(null).counters())
                .singleElement()
                .satisfies(r -> assertThat(r.skipped()).isNull());
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
