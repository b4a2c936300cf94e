package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight writers insert, move rows between groups, change amounts, cancel, delete and roll back while the counter is
 * created, its base rows written, its deltas compacted and it is verified: it is exact at every snapshot.
 */
@WithPostgres
class CounterConcurrencyIT {

    @Test
    void exactUnderEightWritersFromCreationThroughCompactions(TestCluster cluster, @TempDir Path dir) throws Exception {
        exactUnderEightWriters(CounterProject.create(cluster, dir), dir);
    }

    @Test
    void onAPartitionedTableToo(TestCluster cluster, @TempDir Path dir) throws Exception {
        exactUnderEightWriters(CounterProject.create(cluster, dir, CounterPartitionedIT.SETUP), dir);
    }

    private static void exactUnderEightWriters(CounterProject project, Path dir) throws Exception {
        // V1 alone first, so the writers run before the counter exists and while it is created.
        Files.move(dir.resolve("db/migrations/V2__counter.yaml"), dir.resolve("V2__counter.yaml.later"));
        project.keel.migrate();
        OrderWriters writers = new OrderWriters(project.url(), 17).start(CounterProject.WRITERS);
        try {
            writers.awaitCommits(50);
            Files.move(dir.resolve("V2__counter.yaml.later"), dir.resolve("db/migrations/V2__counter.yaml"));
            assertThat(project.keel.migrate().activeChange()).isEqualTo("2");
            Projections projections = project.projections();
            int compactions = 0;
            int verifications = 0;
            Instant end = Instant.now().plus(Duration.ofSeconds(6));
            while (Instant.now().isBefore(end)) {
                assertThat(projections.compact(null).counters())
                        .singleElement()
                        .satisfies(r -> assertThat(r.skipped()).isNull());
                compactions++;
                // Verify reads the table and the stripes in one snapshot, so even under load it sees no drift.
                Projections.VerifyResult verified = projections.verify(null, verifications % 2 == 0 ? null : 5, false);
                assertThat(verified.counters())
                        .singleElement()
                        .satisfies(r ->
                                assertThat(r.drifted()).as("drift under load").isEmpty());
                verifications++;
                // The next compaction meets deltas written since this one.
                writers.awaitCommits(20);
            }
            project.keel.complete();
            assertThat(compactions).isPositive();
        } finally {
            writers.stop();
        }
        assertThat(writers.errors()).isEmpty();
        assertThat(writers.commits()).isGreaterThan(100);
        assertThat(writers.rollbacks()).isPositive();
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        assertThat(project.query("select count(*) from orders_per_user where user_id is null"))
                .isEqualTo("1");
        project.projections().compact(null);
        assertThat(project.query("select count(*) from orders_per_user_stripes where keel_slot <> 0"))
                .isEqualTo("0");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
