package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateResult;
import dev.keel.migrate.MigrationListener;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application update of a row holds its lock while a backfill batch reaches the row: the batch waits, then works
 * on the row as the application left it (READ COMMITTED re-evaluation), so both shapes agree afterwards, whether the
 * batch set the new column itself or went through the dual-write trigger.
 */
@WithPostgres
class BackfillConcurrentUpdateIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** Holds keel before its first batch, once it said how the backfill fills the rows. */
    private static final class BeforeFirstBatch implements MigrationListener {
        final List<String> said = new CopyOnWriteArrayList<>();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void info(String message) {
            said.add(message);
            if (message.startsWith("backfill of accounts ") && reached.getCount() > 0) {
                reached.countDown();
                try {
                    opened.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void files(Path dir, String extra) throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                m.resolve("V1__accounts.sql"),
                "create table accounts (id int primary key, balance int not null, touched int not null default 0);"
                        + " insert into accounts select i, i from generate_series(1, 2000) i;" + extra);
        Files.writeString(
                m.resolve("V2__bigint_balance.yaml"),
                "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint,"
                        + " up: \"balance::bigint * 10\", down: \"(balance / 10)::int\"}\n");
    }

    private static List<String> run(TestCluster cluster, Path dir, String extra) throws Exception {
        String db = cluster.createDatabase();
        files(dir, extra);
        BeforeFirstBatch gate = new BeforeFirstBatch();
        // A lock timeout far above the test's own steps: the batch must wait for the row, not give up and retry.
        ChangeSettings settings = new ChangeSettings(
                Duration.ofSeconds(30), 0, 100, Duration.ofMillis(100), Duration.ZERO, 0, Duration.ofSeconds(30));
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .changes(settings)
                .listener(gate)
                .load();
        CompletableFuture<MigrateResult> migrate = CompletableFuture.supplyAsync(keel::migrate);
        assertThat(gate.reached.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try (Connection app = cluster.connect(db);
                Statement s = app.createStatement()) {
            // The old version's write: the trigger converts it, and it holds row 50's lock until commit.
            app.setAutoCommit(false);
            s.execute("update accounts set balance = balance + 1, touched = 1 where id = 50");
            gate.opened.countDown();
            Eventually.await(
                    LIMIT,
                    "the backfill to wait for row 50's lock",
                    () -> "1"
                            .equals(cluster.queryString(
                                    db,
                                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and query like 'UPDATE %accounts%'")));
            // The application's second statement changes the row again after the batch began to wait for it.
            s.execute("update accounts set balance = balance + 1 where id = 50");
            app.commit();
        }
        assertThat(migrate.get(LIMIT.toSeconds(), TimeUnit.SECONDS).activeChange())
                .isEqualTo("2");
        assertThat(cluster.queryString(db, "select balance || ' ' || _keel_new_balance from accounts where id = 50"))
                .isEqualTo("52 520");
        assertThat(cluster.queryString(db, "select count(*) from accounts where _keel_new_balance = balance * 10"))
                .isEqualTo("2000");
        assertThat(cluster.queryString(db, "select count(*) from public_v2.accounts where balance = id * 10"))
                .isEqualTo("1999");
        keel.complete();
        assertThat(cluster.queryString(db, "select balance from accounts where id = 50"))
                .isEqualTo("520");
        return gate.said;
    }

    @Test
    void aBatchThatSetsTheNewColumnItselfSeesTheApplicationsLatestRow(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        List<String> said = run(cluster, dir, "");
        assertThat(said).anyMatch(m -> m.contains("sets the new columns itself"));
    }

    @Test
    void aTableWithAnotherUpdateTriggerIsFilledThroughKeelsTrigger(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        // A trigger that runs before keel's could change what up reads after a direct update computed it.
        String extra = " create function touch() returns trigger language plpgsql as $$ begin"
                + " new.touched := new.touched; return new; end $$;"
                + " create trigger a_touch before update on accounts for each row execute function touch();";
        List<String> said = run(cluster, dir, extra);
        assertThat(said).anyMatch(m -> m.contains("goes through the dual-write trigger"));
    }
}
