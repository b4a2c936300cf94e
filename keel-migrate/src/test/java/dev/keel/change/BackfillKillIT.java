package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrationListener;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keel process killed with SIGKILL in the middle of a backfill: the next run resumes after the last batch. */
@WithPostgres
class BackfillKillIT {

    /** Zero until the killed process created keel's state tables. */
    private static long rowsDone(TestCluster cluster, String db) {
        if ("t".equals(cluster.queryString(db, "select to_regclass('keel.change_backfill') is null"))) {
            return 0;
        }
        return Long.parseLong(cluster.queryString(db, "select coalesce(max(rows_done), 0) from keel.change_backfill"));
    }

    @Test
    void aBackfillKilledMidwayResumesAfterItsLastBatch(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        Path m = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                m.resolve("V1__accounts.sql"),
                "create table accounts (id int primary key, balance int not null);"
                        + " insert into accounts select i, i from generate_series(1, 3000) i;");
        Files.writeString(
                m.resolve("V2__bigint_balance.yaml"),
                "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint,"
                        + " up: \"balance::bigint * 10\", down: \"(balance / 10)::int\"}\n");

        JavaProcess keel = JavaProcess.start(
                ChangeProcessMain.class.getName(),
                dir,
                Map.of(),
                List.of("migrate", cluster.jdbcUrl(db), dir.toString(), "10", "20"));
        Eventually.await(
                Duration.ofSeconds(60),
                "the backfill to commit some batches",
                () -> rowsDone(cluster, db) >= 200,
                keel::stderr);
        keel.kill9();
        keel.waitFor(10);

        long done = rowsDone(cluster, db);
        assertThat(done).as("killed midway").isBetween(200L, 2999L);
        assertThat(cluster.queryString(db, "select phase from keel.change_state"))
                .isEqualTo(ChangeState.BACKFILLING);
        // Rows the killed run reached are converted; the others not yet.
        assertThat(cluster.queryString(db, "select count(*) from accounts where _keel_new_balance = balance * 10"))
                .isEqualTo(Long.toString(done));

        List<String> said = new ArrayList<>();
        Keel again = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .listener(new MigrationListener() {
                    @Override
                    public void info(String message) {
                        said.add(message);
                    }
                })
                .load();
        assertThat(again.migrate().activeChange()).isEqualTo("2");
        assertThat(said).anyMatch(s -> s.contains("resumes after key"));
        assertThat(cluster.queryString(db, "select rows_done from keel.change_backfill"))
                .isEqualTo("3000");
        assertThat(cluster.queryString(db, "select count(*) from public_v2.accounts where balance = id * 10"))
                .isEqualTo("3000");
        again.complete();
        assertThat(cluster.queryString(db, "select sum(balance) from accounts")).isEqualTo("45015000");
    }
}
