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

    @Test
    void aStartKilledBeforeItsBaseRowsWereWrittenResumesExactlyUnderLoad(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        assertThat(project.keel.migrate().activeChange()).isEqualTo("2");
        // Where a kill between start's transaction and the base rows leaves it: triggers counting, no base rows.
        cluster.execute(
                project.db,
                "update keel.change_state set phase = 'backfilling'; delete from keel.schema_history where version = '2';"
                        + " update keel.projections set state = 'initialising';"
                        + " delete from orders_per_user_stripes where keel_slot = 0");
        OrderWriters writers = new OrderWriters(project.url(), 41).start(CounterProject.WRITERS);
        try {
            Eventually.await(Duration.ofSeconds(60), "writers commit", () -> writers.commits() > 100);
            cluster.kill9();
            writers.stop();
            cluster.start();
            OrderWriters after = new OrderWriters(project.url(), 43).start(CounterProject.WRITERS);
            try {
                Eventually.await(Duration.ofSeconds(60), "writers commit again", () -> after.commits() > 50);
                assertThat(project.keel.migrate().activeChange()).isEqualTo("2");
                Eventually.await(
                        Duration.ofSeconds(60), "writers commit after the resume", () -> after.commits() > 150);
            } finally {
                after.stop();
            }
            assertThat(after.errors()).isEmpty();
        } finally {
            writers.stop();
        }

        assertThat(project.query("select state from keel.projections")).isEqualTo("ready");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
