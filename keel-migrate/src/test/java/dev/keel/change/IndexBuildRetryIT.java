package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateResult;
import dev.keel.migrate.MigrationListener;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A concurrent index build held up by an old transaction for longer than the lock timeout ends with a valid index
 * once that transaction ends. A build that timed out left an invalid index, which the retry's IF NOT EXISTS used to
 * keep, and the change went on with an index no query can use.
 */
@WithPostgres
class IndexBuildRetryIT {

    @Test
    void anIndexBuildThatTimedOutWaitingForAnOldTransactionIsBuiltAgainNotLeftInvalid(
            TestCluster cluster, @TempDir Path dir) throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, StartKillIT.INDEX)) {
            List<String> said = new CopyOnWriteArrayList<>();
            Keel keel = change.keel(new MigrationListener() {
                @Override
                public void info(String message) {
                    said.add(message);
                }
            });
            change.holdSnapshot();
            CompletableFuture<MigrateResult> migrate = CompletableFuture.supplyAsync(keel::migrate);
            // Held up for longer than the lock timeout: either a try timed out, or the build waits without one.
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the index build to wait for the old transaction past the lock timeout",
                    () -> said.stream().anyMatch(m -> m.startsWith("lock timeout on 'build index"))
                            || "t"
                                    .equals(change.query("select coalesce(bool_or(clock_timestamp() - waitstart"
                                            + " > interval '900 ms'), false) from pg_locks"
                                            + " where not granted and locktype = 'virtualxid'")),
                    () -> said);
            change.release();

            assertThat(migrate.get(60, TimeUnit.SECONDS).activeChange()).isEqualTo("2");
            assertThat(change.query(
                            "select indisvalid from pg_index where indexrelid = 'accounts_balance_idx'::regclass"))
                    .isEqualTo("t");
        }
    }
}
