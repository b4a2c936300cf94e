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
 * A concurrent index build that hits the lock timeout while it waits out an old transaction leaves an invalid index
 * behind; the retry's IF NOT EXISTS used to keep that one, and the change went on with an index no query can use.
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
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the index build to time out waiting for the old transaction",
                    () -> said.stream().anyMatch(m -> m.startsWith("lock timeout on 'build index")),
                    () -> said);
            change.release();

            assertThat(migrate.get(60, TimeUnit.SECONDS).activeChange()).isEqualTo("2");
            assertThat(change.query(
                            "select indisvalid from pg_index where indexrelid = 'accounts_balance_idx'::regclass"))
                    .isEqualTo("t");
        }
    }
}
